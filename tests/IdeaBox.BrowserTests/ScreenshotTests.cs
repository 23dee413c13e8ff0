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
                    [...document.querySelectorAll('body *')].filter(e => !(e.parentElement && e.parentElement.closest('.table-wrap')) && e.getBoundingClientRect().right > window.innerWidth + 1)
                        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(' | ')
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
}
