
namespace IdeaBox.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LeadershipJourneyTests(BrowserFixture fixture)
{
    public const string Leadership = "direction@ideabox.demo";

    [Fact]
    public async Task Leadership_reads_the_dashboard_changes_the_period_and_unit_and_downloads_a_table()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, Leadership);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Difficultés qui montent" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-desktop.png"), FullPage = true });

        await page.GetByLabel("Période", new() { Exact = true }).SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=All"));
        await Assertions.Expect(page.Locator("#funnel-caption")).ToContainTextAsync("contributions déposées");

        // The data behind a chart is one click away, as a table.
        await page.GetByText("Voir les données").Nth(2).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Du dépôt à la réalisation" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Télécharger (CSV) : Services × thèmes" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("Service;Thème;Contributions;Votes", text.TrimStart('\uFEFF'));

        var mobile = await fixture.NewPage(375, 800);
        await fixture.SignIn(mobile, Leadership);
        await mobile.GotoAsync("/Dashboard");
        var overflow = await mobile.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The dashboard scrolls sideways at 375 px.");
        await mobile.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-mobile.png"), FullPage = true });
    }

    [Fact]
    public async Task Similar_entries_appear_while_typing_a_title()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, BrowserFixture.Agent);
        var existing = await page.Locator(".entry-card h2 a").First.TextContentAsync();
        await page.GotoAsync("/Entries/New");
        await page.GetByLabel("Titre").FillAsync(existing!);
        await Assertions.Expect(page.Locator("#similar a").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#similar")).ToContainTextAsync(existing!);
    }
}
