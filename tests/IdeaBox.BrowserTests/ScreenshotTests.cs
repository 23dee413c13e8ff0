namespace IdeaBox.BrowserTests;

/// <summary>Screenshots of the main pages at desktop and mobile widths, saved as artifacts (a few are committed under docs/screenshots).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, "desktop", false)]
    [InlineData(375, "mobile", false)]
    [InlineData(1280, "desktop-dark", true)]
    [InlineData(375, "mobile-dark", true)]
    public async Task Main_pages_at_each_width(int width, string name, bool dark)
    {
        var page = await fixture.NewPage(width, width < 600 ? 800 : 900, dark: dark);
        await fixture.SignIn(page, ModerationJourneyTests.Moderator);
        var entry = await page.Locator(".entry-card h2 a").First.GetAttributeAsync("href");
        foreach (var (file, url) in new[]
                 {
                     ("home", "/"), ("mirror", "/Mirror"), ("list", "/Entries"), ("entry", entry!), ("submit", "/Entries/New"), ("plan", "/Plan"),
                     ("moderation", "/Moderation"), ("dashboard", "/Dashboard"), ("notifications", "/Notifications"), ("calls", "/Calls"),
                 })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
            var culprit = overflow
                ? await page.EvaluateAsync<string>("""
                    [...document.querySelectorAll('body *')].filter(e => !(e.parentElement && e.parentElement.closest('.table-wrap')) && e.getBoundingClientRect().right > window.innerWidth - 1)
                        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(' | ')
                        + ' / scrollWidth ' + document.documentElement.scrollWidth
                    """)
                : "";
            Assert.False(overflow, $"{url} scrolls sideways at {width} px: {culprit}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"page-{file}-{name}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"page-{file}-{name}-top.png") });
        }

        // The administration, as an administrator sees it.
        var admin = await fixture.NewPage(width, width < 600 ? 800 : 900, dark: dark);
        await fixture.SignIn(admin, "admin@ideabox.demo");
        foreach (var (file, url) in new[] { ("admin", "/Admin"), ("admin-users", "/Admin/Users"), ("admin-branding", "/Admin/Branding") })
        {
            var response = await admin.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.False(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{url} scrolls sideways at {width} px.");
            await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"page-{file}-{name}-top.png") });
        }
    }

    /// <summary>Each component of the design system as it appears on a real page, for docs/design.md (light, then dark).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Components_for_the_design_guide(bool dark)
    {
        var page = await fixture.NewPage(1280, 900, dark: dark);
        await fixture.SignIn(page, ModerationJourneyTests.Moderator);
        async Task Shot(string name, string url, string selector, Func<Task>? before = null)
        {
            if (url.Length > 0) await page.GotoAsync(url);
            if (before is not null) await before();
            var element = page.Locator(selector).First;
            await Assertions.Expect(element).ToBeVisibleAsync();
            await element.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"component-{name}{(dark ? "-dark" : "")}.png") });
        }
        await Shot("header", "/Entries", ".site-header");
        await Shot("banner", "", ".call-banner");
        await Shot("card", "", ".entry-card");
        await Shot("pagination", "", ".pager");
        await Shot("empty-state", "/Entries?q=zzzqqxw", ".empty-state");
        await Shot("tabs", "/Moderation", "ul.tabs");
        await Shot("table", "", ".table-wrap");
        await Shot("key-figures", "/Dashboard", ".key-figures");
        await Shot("disclosure-menu", "/Plan", ".level-project:has(.node-menu[open])", () => page.Locator(".level-project .node-menu summary").First.ClickAsync());
        await Shot("form-field-error", "/Entries/New", "form .field:has(.field-error:not(:empty))",
            () => page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync());
        await Shot("error-summary", "", ".error-summary");
        await page.GotoAsync("/Entries");
        await page.Locator(".entry-card h2 a").First.ClickAsync();
        await Shot("buttons-and-vote-block", "", "section.votes");
    }
}
