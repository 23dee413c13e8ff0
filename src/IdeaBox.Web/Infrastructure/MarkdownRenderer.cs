using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Turns what users write into safe HTML, once, when it is saved. Two locks: Markdig never
/// passes raw HTML through, and HtmlSanitizer then keeps only a small set of elements and
/// attributes and the http, https and mailto schemes (it parses the HTML, so a scheme hidden
/// behind entities or mixed case is seen decoded, whether it came from a link or an autolink).
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Deeper than any real text; deeper input is refused rather than risking the stack.</summary>
    public const int MaximumNestingDepth = 32;

    private static readonly string[] AllowedTags =
    [
        "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "rel", "start", "align"];

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _pipeline = new MarkdownPipelineBuilder
        {
            MaximumNestingDepth = MaximumNestingDepth,
        }
            .UseAutoLinks()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseSoftlineBreakAsHardlineBreak()
            .DisableHtml()
            .Build();

        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        _sanitizer.AllowedTags.UnionWith(AllowedTags);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.UnionWith(AllowedAttributes);
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer.UriAttributes.Clear();
        _sanitizer.UriAttributes.Add("href");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // Links written by users leave the portal: no referral weight, no window.opener.
            if (e.Node is IHtmlAnchorElement anchor && anchor.HasAttribute("href"))
                anchor.SetAttribute("rel", "nofollow noopener");
        };
    }

    /// <summary>The sanitised HTML of <paramref name="markdown"/>, or null when it is nested too deeply to render.</summary>
    public string? TryRender(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, _pipeline);
            // The page owns h1 and h2: headings written by users start at h3.
            foreach (var heading in document.Descendants<HeadingBlock>())
                heading.Level = Math.Min(heading.Level + 2, 6);
            var html = document.ToHtml(_pipeline);
            return _sanitizer.Sanitize(html);
        }
        catch (ArgumentException)
        {
            // Markdig's depth guard: "Markdown elements in the input are too deeply nested".
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
    }

    /// <summary>Renders, or throws a validation error on <paramref name="field"/> that the form shows next to it.</summary>
    public string Render(string markdown, string field) =>
        TryRender(markdown) ?? throw new ValidationFailedException(new Domain.FieldError(field, "Validation.TooDeeplyNested", MaximumNestingDepth));
}
