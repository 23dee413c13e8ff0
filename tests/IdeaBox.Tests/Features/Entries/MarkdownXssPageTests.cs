using AngleSharp.Dom;
using IdeaBox.Web.Infrastructure.RateLimiting;

namespace IdeaBox.Tests.Features.Entries;

/// <summary>XSS payloads submitted through the real form, then read back from the entry page a colleague opens.</summary>
[Collection(Pages.Name)]
public sealed class MarkdownXssPageTests(AppFixture app) : AppTest(app)
{
    private static readonly string[] AllowedSchemes = ["http:", "https:", "mailto:"];

    [Fact]
    public async Task Every_payload_kind_renders_on_the_entry_page_without_anything_script_capable()
    {
        var author = await SignInAsync(await Given.AnAgent());
        var reader = await SignInAsync(await Given.AnAgent());
        var themeId = (await Given.ATheme()).Id.ToString();
        var payloads = IdeaBox.Tests.Infrastructure.MarkdownRendererTests.Payloads();
        // More entries than one person may submit in an hour.
        App.Options<RateLimitOptions>().Submit.PerUser = 0;
        App.Service<RequestLimits>().Reset();
        Assert.True(payloads.Count >= 20);

        foreach (var row in payloads)
        {
            var (kind, markdown) = row.Data;
            var response = await author.PostForm("/Entries/New", "form.entry-form", new()
            {
                ["Input.Kind"] = "Idea",
                ["Input.SimilarChecked"] = "true",
                ["Input.Title"] = $"Essai {kind}",
                ["Input.Body"] = markdown,
                ["Input.ThemeIds"] = themeId,
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            var (page, document) = await reader.Get(response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = document.QuerySelector(".entry-body")!;
            foreach (var element in body.QuerySelectorAll("*"))
                AssertHarmless(kind, element);
        }
    }

    private static void AssertHarmless(string kind, IElement element)
    {
        Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "svg", "style", "form", "img", "meta", "link", "base" });
        foreach (var attribute in element.Attributes)
        {
            Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{kind}: {attribute.Name}");
            Assert.DoesNotContain(attribute.Name, new[] { "style", "src", "srcdoc", "formaction" });
            if (attribute.Name == "href")
                Assert.True(AllowedSchemes.Any(s => attribute.Value.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || !attribute.Value.Contains(':'),
                    $"{kind}: href {attribute.Value}");
        }
    }
}
