using System.Globalization;
using System.Text.RegularExpressions;

namespace IdeaBox.Domain;

/// <summary>
/// Whose portal this is: the organisation's name, its primary colour, its logo and its footer links, set by an
/// administrator (one row). Without it the portal is plain "IdeaBox" in its own blue.
/// </summary>
public sealed partial class Branding
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 120;
    public const int FooterMaxLength = 2000;
    public const int MaxFooterLinks = 8;
    public const int LogoMaxBytes = 200 * 1024;
    public const int LogoMaxPixels = 2000;
    /// <summary>White text on the colour (header, primary buttons) must reach WCAG AA for normal text.</summary>
    public const double MinContrast = 4.5;

    public int Id { get; set; } = SingletonId;
    public string? OrganisationName { get; set; }
    public string? PrimaryColour { get; set; }
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    /// <summary>One link per line: "Label | address".</summary>
    public string? FooterLinks { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static IEnumerable<FieldError> Validate(string? name, string? colour, string? footerLinks)
    {
        foreach (var error in FieldRules.Optional("OrganisationName", name, NameMaxLength)) yield return error;
        if (!string.IsNullOrWhiteSpace(colour))
        {
            if (!ColourPattern().IsMatch(colour.Trim())) yield return new("PrimaryColour", "Branding.ColourFormat");
            else if (ContrastWithWhite(colour.Trim()) is var ratio && ratio < MinContrast)
                yield return new("PrimaryColour", "Branding.ColourContrast", Math.Round(ratio, 1), MinContrast);
        }
        if (footerLinks is { Length: > FooterMaxLength }) yield return new("FooterLinks", "Validation.MaxLength", FooterMaxLength);
        else if (ParseFooterLinks(footerLinks) is null) yield return new("FooterLinks", "Branding.FooterFormat", MaxFooterLinks);
    }

    /// <summary>The footer's links, or null when a line is not "Label | https://…" (or a path on this site), or there are too many.</summary>
    public static IReadOnlyList<(string Label, string Url)>? ParseFooterLinks(string? text)
    {
        var links = new List<(string, string)>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0) return null;
            var url = parts[1];
            var safe = (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" or "mailto")
                || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
            if (!safe) return null;
            links.Add((parts[0], url));
        }
        return links.Count > MaxFooterLinks ? null : links;
    }

    /// <summary>The WCAG contrast ratio of white on this "#rrggbb" colour.</summary>
    public static double ContrastWithWhite(string colour)
    {
        double Channel(int offset)
        {
            var c = int.Parse(colour.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255d;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        return 1.05 / (luminance + 0.05);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
