using System.Text.RegularExpressions;

namespace IdeaBox.BrowserTests;

/// <summary>Issue 12's journeys: from the home page to the mirror and a difficulty's answer chain; a report from the comment to the moderator's decision.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MirrorAndReportJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_agent_goes_from_the_home_page_to_the_mirror_and_to_a_difficulty_nothing_answers_yet()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, BrowserFixture.Agent);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Bonjour "));
        await Assertions.Expect(page.Locator("#featured-title")).ToHaveTextAsync("Ils l'ont fait");

        await page.GetByRole(AriaRole.Link, new() { Name = "Miroir", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Miroir");
        await Assertions.Expect(page.Locator("#coverage")).ToHaveTextAsync(new Regex(@"^\d+ des \d+ difficultés les plus soutenues ont une réponse dans le plan\.$"));
        await AccessibilityTests.AssertNoViolations(page, "/Mirror (journey)");

        var unanswered = page.Locator("tr.unanswered th a").First;
        var title = await unanswered.TextContentAsync();
        await unanswered.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title!);
        await Assertions.Expect(page.Locator(".mirror .banner")).ToHaveTextAsync("Rien dans le plan ne répond encore à cette difficulté.");
    }

    [Fact]
    public async Task An_agent_reports_a_comment_and_a_moderator_upholds_it_and_the_comment_is_gone()
    {
        var text = "Ce commentaire n'a rien à faire ici " + Guid.NewGuid().ToString("N")[..6];
        var expert = await fixture.NewPage();
        await fixture.SignIn(expert, ModerationJourneyTests.Expert);
        await expert.Locator(".entry-card h2 a").First.ClickAsync();
        var entryPath = new Uri(expert.Url).AbsolutePath;
        await expert.GetByLabel("Votre commentaire").FillAsync(text);
        await expert.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync();

        var agent = await fixture.NewPage();
        await fixture.SignIn(agent, BrowserFixture.Agent);
        await agent.GotoAsync(entryPath);
        await agent.Locator(".comment", new() { HasText = text }).GetByRole(AriaRole.Link, new() { Name = "Signaler ce commentaire" }).ClickAsync();
        await Assertions.Expect(agent.Locator("h1")).ToHaveTextAsync("Signaler un commentaire");
        await AccessibilityTests.AssertNoViolations(agent, "report form");
        await agent.GetByLabel("Hors sujet").CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".status-message")).ToHaveTextAsync("Merci : votre signalement a été transmis aux modérateurs.");

        var moderator = await fixture.NewPage();
        await fixture.SignIn(moderator, ModerationJourneyTests.Moderator);
        await moderator.GotoAsync("/Moderation/Reports");
        await AccessibilityTests.AssertNoViolations(moderator, "/Moderation/Reports");
        var item = moderator.Locator("section.panel", new() { HasText = text });
        await item.GetByLabel("Fondé : masquer (ou laisser masqué)").CheckAsync();
        await item.GetByLabel("Motif").FillAsync("Hors sujet dans cette discussion.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Décider" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToHaveTextAsync("Décision enregistrée ; les personnes qui ont signalé en sont informées.");

        await agent.GotoAsync(entryPath);
        await Assertions.Expect(agent.Locator(".comment", new() { HasText = text })).ToHaveCountAsync(0);
    }
}
