using AngleSharp.Html.Parser;
using IdeaBox.Web.Infrastructure;

namespace IdeaBox.Tests.Infrastructure;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string, string> Payloads() => new()
    {
        { "javascript link", "[clic](javascript:alert(1))" },
        { "vbscript link", "[clic](vbscript:msgbox(1))" },
        { "data link", "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
        { "mixed-case scheme", "[clic](JaVaScRiPt:alert(1))" },
        { "entity-encoded scheme", "[clic](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))" },
        { "hex-entity scheme", "[clic](&#x6A;avascript&#x3A;alert(1))" },
        { "tab inside scheme", "[clic](java&#9;script:alert(1))" },
        { "autolink javascript", "<javascript:alert(1)>" },
        { "autolink data", "<data:text/html,<script>alert(1)</script>>" },
        { "reference link", "[clic][x]\n\n[x]: javascript:alert(1)" },
        { "image onerror breakout", "![x\" onerror=\"alert(1)](http://example.org/x.png)" },
        { "image javascript src", "![x](javascript:alert(1))" },
        { "raw script", "<script>alert(1)</script>" },
        { "raw img onerror", "<img src=x onerror=alert(1)>" },
        { "raw iframe", "<iframe src=\"javascript:alert(1)\"></iframe>" },
        { "raw svg onload", "<svg onload=alert(1)></svg>" },
        { "raw anchor", "<a href=\"javascript:alert(1)\">x</a>" },
        { "raw style", "<style>body{background:url(javascript:alert(1))}</style>" },
        { "generic attributes", "[x](http://example.org){onclick=alert(1) style=color:red}" },
        { "link title breakout", "[x](http://example.org \"a\" onmouseover=\"alert(1)\")" },
        { "form and button", "<form action=javascript:alert(1)><button>x</button></form>" },
        { "object embed", "<object data=\"javascript:alert(1)\"></object><embed src=javascript:alert(1)>" },
        { "meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">" },
        { "link in table cell", "| a |\n|---|\n| [x](javascript:alert(1)) |" },
        { "html comment trick", "<!-- --><script>alert(1)</script><!-- -->" },
        { "protocol-relative", "[x](//evil.example/x)" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Markdown_payloads_render_without_anything_script_capable(string kind, string markdown)
    {
        var html = Renderer.TryRender(markdown);
        Assert.NotNull(html);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var allowedSchemes = new[] { "http:", "https:", "mailto:" };
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "svg", "style", "form", "img", "meta", "link", "button", "input" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{kind}: {attribute.Name} survived");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("src", attribute.Name);
                if (attribute.Name is "href")
                {
                    var value = attribute.Value.Trim();
                    Assert.True(allowedSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || !value.Contains(':'),
                        $"{kind}: href '{value}' survived");
                }
            }
        }
    }

    [Fact]
    public void External_links_are_kept_with_nofollow_noopener()
    {
        var html = Renderer.TryRender("Voir [le site](https://www.example.be/page) ou https://autre.example.be")!;
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.All(links, a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
        Assert.Equal("https://www.example.be/page", links[0].GetAttribute("href"));
    }

    [Fact]
    public void Ordinary_formatting_survives()
    {
        var html = Renderer.TryRender("**gras** *italique*\n\n- un\n- deux\n\n> citation")!;
        Assert.Contains("<strong>gras</strong>", html);
        Assert.Contains("<em>italique</em>", html);
        Assert.Contains("<li>un</li>", html);
        Assert.Contains("<blockquote>", html);
    }

    [Fact]
    public void Headings_written_by_users_start_below_the_page_headings()
    {
        var html = Renderer.TryRender("# Titre\n\n## Sous-titre")!;
        Assert.Contains("<h3", html);
        Assert.Contains("<h4", html);
        Assert.DoesNotContain("<h1", html);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    [InlineData("*")]
    [InlineData("- ")]
    public void Input_nested_too_deeply_is_refused_instead_of_crashing(string marker)
    {
        var markdown = string.Concat(Enumerable.Repeat(marker, 5_000)) + " x";
        var html = Renderer.TryRender(markdown);
        // Nested quotes, lists and link brackets are refused; a run of stars that Markdig reads as
        // plain text renders as that text. Neither throws.
        if (marker is ">" or "- " or "[")
        {
            Assert.Null(html);
        }
        else
        {
            Assert.NotNull(html);
            Assert.Contains(" x", html);
        }
    }

    [Fact]
    public void A_validation_error_names_the_field_when_nesting_is_too_deep()
    {
        var ex = Assert.Throws<ValidationFailedException>(() => Renderer.Render(new string('>', 1000) + " x", "Body"));
        Assert.Equal("Body", Assert.Single(ex.Errors).Field);
    }
}
