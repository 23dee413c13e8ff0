namespace IdeaBox.BrowserTests;

/// <summary>Leadership prints the plan, the dashboard and entries: no navigation or forms, every disclosure open, links written out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_plan_the_dashboard_and_an_entry_print_without_navigation_or_forms_and_with_every_branch_open()
    {
        var page = await fixture.NewPage(dark: true);
        await fixture.SignIn(page, ModerationJourneyTests.Moderator);
        await page.GotoAsync("/Plan");
        // A branch folded on screen still prints whole.
        await page.Locator(".plan-branch > summary").Nth(1).ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".node-menu").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".level-project a").First).ToBeVisibleAsync();
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("page", await page.Locator(".plan-tree > li").Nth(1).EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "plan-print.png"), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/Entries");
        await page.Locator(".entry-card h2 a").First.ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".comment-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main form").First).ToBeHiddenAsync();

        var leader = await fixture.NewPage();
        await fixture.SignIn(leader, LeadershipJourneyTests.Leadership);
        await leader.GotoAsync("/Dashboard");
        await leader.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(leader.Locator(".filters")).ToBeHiddenAsync();
        await Assertions.Expect(leader.Locator("section.panel").First).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator("main details table").First).ToBeVisibleAsync();
    }
}
