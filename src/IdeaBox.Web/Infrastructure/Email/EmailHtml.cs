using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IdeaBox.Web.Features.Admin;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The HTML alternative of a message, written from its text so that both always say the same: paragraphs, lists
/// ("- " lines) and links, in a frame with the organisation's name and colour, the recipient's language, and a
/// link to their notification preferences. Styles are inline (mail clients drop style sheets).
/// </summary>
public static partial class EmailHtml
{
    public static string Render(OutgoingEmail email, BrandingView branding, string baseUrl)
    {
        var culture = email.Culture ?? Cultures.Default;
        return Cultures.Run(culture, () =>
        {
            var l = Localization.Strings;
            var colour = branding.PrimaryColour ?? "#1d4f91";
            var name = WebUtility.HtmlEncode(branding.OrganisationName ?? "IdeaBox");
            var preferences = baseUrl.TrimEnd('/') + "/Settings";
            var html = new StringBuilder()
                .Append($"<!DOCTYPE html><html lang=\"{culture}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append($"<title>{WebUtility.HtmlEncode(email.Subject)}</title></head>")
                .Append("<body style=\"margin:0;padding:0;background:#f3f5f8;\">")
                .Append("<div style=\"max-width:40rem;margin:0 auto;background:#ffffff;color:#1b1f24;font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;\">")
                .Append($"<div style=\"background:{colour};color:#ffffff;padding:16px 24px;font-size:18px;font-weight:700;\">{name}</div>")
                .Append("<div role=\"article\" style=\"padding:8px 24px 16px;\">");
            foreach (var block in email.Text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var lines = block.Split('\n');
                if (lines.All(line => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal)))
                {
                    html.Append("<ul style=\"padding-left:20px;\">");
                    foreach (var item in Items(lines)) html.Append("<li style=\"margin:4px 0;\">").Append(Inline(item)).Append("</li>");
                    html.Append("</ul>");
                }
                else
                {
                    html.Append("<p style=\"margin:16px 0;\">").Append(string.Join("<br>", lines.Select(Inline))).Append("</p>");
                }
            }
            html.Append("</div>")
                .Append("<div style=\"padding:16px 24px;border-top:1px solid #c9d0d9;font-size:14px;color:#4a5360;\">")
                .Append($"<a href=\"{WebUtility.HtmlEncode(preferences)}\" style=\"color:#1d4f91;\">{WebUtility.HtmlEncode(l["Email.PreferencesLink"])}</a>")
                .Append("</div></div></body></html>");
            return html.ToString();
        });
    }

    /// <summary>"- " starts an item; an indented line continues it.</summary>
    private static IEnumerable<string> Items(string[] lines)
    {
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("- ", StringComparison.Ordinal) && current.Count > 0)
            {
                yield return string.Join("\n", current);
                current.Clear();
            }
            current.Add(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line.Trim());
        }
        if (current.Count > 0) yield return string.Join("\n", current);
    }

    /// <summary>Escaped text with its web addresses as links, and its line breaks kept.</summary>
    private static string Inline(string text)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Address().Matches(text))
        {
            result.Append(WebUtility.HtmlEncode(text[last..match.Index]));
            var url = WebUtility.HtmlEncode(match.Value);
            result.Append($"<a href=\"{url}\" style=\"color:#1d4f91;\">{url}</a>");
            last = match.Index + match.Length;
        }
        result.Append(WebUtility.HtmlEncode(text[last..]));
        return result.ToString().Replace("\n", "<br>");
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Address();
}
