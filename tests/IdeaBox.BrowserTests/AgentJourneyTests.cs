using System.Text.RegularExpressions;

namespace IdeaBox.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AgentJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_demo_agent_submits_votes_comments_and_finds_the_entry_in_the_list()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, BrowserFixture.Agent);
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Camille Dubois");
        // The app's own stylesheet is applied (served from the app, allowed by its CSP).
        await Assertions.Expect(page.Locator(".site-header")).ToHaveCSSAsync("background-color", "rgb(29, 79, 145)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Proposer une contribution" }).First.ClickAsync();
        await page.GetByLabel("Difficulté").CheckAsync();
        await page.GetByLabel("Titre").FillAsync("Le scanner du deuxième étage refuse les documents recto verso");
        await page.GetByLabel("Description").FillAsync("Chaque semaine, **une heure perdue** à numériser page par page.");
        await page.GetByLabel("Outils informatiques").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "submit-desktop.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Le scanner du deuxième étage refuse les documents recto verso");
        await Assertions.Expect(page.Locator(".entry-body strong")).ToHaveTextAsync("une heure perdue");
        var entryUrl = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Moi aussi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".vote-count")).ToHaveTextAsync("1 vote");
        await Assertions.Expect(page.Locator("#vote-live")).ToHaveTextAsync("Votre vote est enregistré.");

        await page.GetByLabel("Votre commentaire").FillAsync("Je confirme, c'est pareil au troisième.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comment-body").Last).ToHaveTextAsync("Je confirme, c'est pareil au troisième.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "entry-desktop.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Toutes les contributions" }).ClickAsync();
        await page.GetByLabel("Trier par").SelectOptionAsync("Newest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Le scanner du deuxième étage refuse les documents recto verso" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "list-desktop.png"), FullPage = true });
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(new Uri(entryUrl).AbsolutePath) + "$"));
    }

    [Fact]
    public async Task The_list_is_usable_at_a_mobile_width()
    {
        var page = await fixture.NewPage(375, 800);
        await fixture.SignIn(page, BrowserFixture.Agent);
        await Assertions.Expect(page.Locator(".entry-card").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The list scrolls sideways at 375 px.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "list-mobile.png"), FullPage = true });

        // The navigation is folded into a menu: the header is one line, and the page's own heading starts in the first third of the screen.
        var header = await page.Locator(".site-header").EvaluateAsync<double>("h => h.getBoundingClientRect().height");
        Assert.True(header < 80, $"The header is {header} px high at 375 px.");
        var top = await page.Locator("h1").EvaluateAsync<double>("h => h.getBoundingClientRect().top");
        Assert.True(top < 800 / 3, $"The heading starts {top} px down a 800 px screen.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Plan stratégique", Exact = true })).ToBeHiddenAsync();
        await page.Locator(".menu > summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan stratégique", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Plan stratégique");
        await AccessibilityTests.AssertNoViolations(page, "plan at 375 px");
    }

    [Fact]
    public async Task The_menu_works_without_javascript_at_a_mobile_width()
    {
        var page = await fixture.NewPage(375, 800, javaScript: false);
        await fixture.SignIn(page, BrowserFixture.Agent);
        await page.Locator(".menu > summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Appels", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Appels à contributions");
    }
}
