using System.Linq.Expressions;

namespace IdeaBox.Domain;

/// <summary>What makes an entry valid, who sees it and who may change it; the queries reuse these expressions.</summary>
public static class EntryRules
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;
    public const int MaxThemes = 5;

    public static IEnumerable<FieldError> Validate(string? title, string? body, IReadOnlyCollection<int> themeIds)
    {
        // The title is stored trimmed; the body as written.
        foreach (var error in FieldRules.Required(nameof(Entry.Title), title?.Trim(), TitleMaxLength)) yield return error;
        foreach (var error in FieldRules.Required(nameof(Entry.Body), body, BodyMaxLength)) yield return error;

        if (themeIds.Count == 0)
            yield return new(nameof(Entry.Themes), "Validation.ThemeRequired");
        else if (themeIds.Count > MaxThemes)
            yield return new(nameof(Entry.Themes), "Validation.TooManyThemes", MaxThemes);
    }

    /// <summary>Listed: in the lists, searches, dashboards and the plan. Hidden and merged entries are not.</summary>
    public static Expression<Func<Entry, bool>> Listed { get; } = e => e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged;

    /// <summary>
    /// Who may open an entry: a hidden one only its author and moderators. For anyone else it
    /// answers exactly like one that does not exist (404), so changing an id reveals nothing.
    /// </summary>
    public static Expression<Func<Entry, bool>> VisibleTo(int userId, bool moderates) =>
        e => e.Status != EntryStatus.Hidden || moderates || e.AuthorId == userId;

    /// <summary>An author may edit their entry until moderation starts.</summary>
    public static bool CanEdit(int authorId, EntryStatus status, int userId) =>
        authorId == userId && status == EntryStatus.Submitted;

    /// <summary>"Hide my name from other agents": moderators and the author still see it.</summary>
    public static bool ShowsAuthorName(bool hideAuthorName, int authorId, int userId, bool moderates) =>
        !hideAuthorName || moderates || authorId == userId;
}
