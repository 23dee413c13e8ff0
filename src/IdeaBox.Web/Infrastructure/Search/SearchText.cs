using System.Text.RegularExpressions;

namespace IdeaBox.Web.Infrastructure.Search;

/// <summary>How the words of a search are read: lower case, accents folded.</summary>
public static partial class SearchText
{
    public const int MaxWords = 12;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>Lower case without accents, so "Difficulte", "difficulté" and "DIFFICULTÉ" match.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }

    /// <summary>The words of a query, lower case, at least two characters, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        text is null ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2).Distinct().Take(MaxWords).ToList();
}
