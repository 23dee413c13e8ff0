
namespace IdeaBox.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture fixture)
{
    public const string Moderator = "moderateur@ideabox.demo";
    public const string Expert = "expert@ideabox.demo";

    [Fact]
    public async Task A_moderator_reviews_accepts_and_promotes_an_entry_and_its_voter_is_notified()
    {
        const string title = "Les bons de commande papier se perdent entre deux bâtiments";
        var author = await fixture.NewPage();
        await fixture.SignIn(author, Expert);
        await author.GotoAsync("/Entries/New");
        await author.GetByLabel("Difficulté").CheckAsync();
        await author.GetByLabel("Titre").FillAsync(title);
        await author.GetByLabel("Description").FillAsync("Trois signatures, deux bâtiments, une semaine.");
        await author.GetByLabel("Marchés publics").CheckAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        await Assertions.Expect(author.Locator("h1")).ToHaveTextAsync(title);
        var entryPath = new Uri(author.Url).AbsolutePath;

        // An agent supports it (and so follows it).
        var agent = await fixture.NewPage();
        await fixture.SignIn(agent, BrowserFixture.Agent);
        await agent.GotoAsync(entryPath);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Moi aussi" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".vote-count")).ToHaveTextAsync("1 vote");
        await agent.GotoAsync("/Notifications");
        if (await agent.GetByRole(AriaRole.Button, new() { Name = "Tout marquer comme lu" }).CountAsync() > 0)
            await agent.GetByRole(AriaRole.Button, new() { Name = "Tout marquer comme lu" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".bell .count")).ToHaveCountAsync(0);

        // The moderator takes it under review from the queue (the newest is on the last page), accepts it and promotes it.
        var moderator = await fixture.NewPage();
        await fixture.SignIn(moderator, Moderator);
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Modération" }).First.ClickAsync();
        await Assertions.Expect(moderator.Locator("h1")).ToHaveTextAsync("Modération");
        await moderator.GotoAsync("/Moderation?p=99");
        await moderator.GetByLabel($"Sélectionner « {title} »").CheckAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Prendre en examen la sélection" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToHaveTextAsync("1 contribution prise en examen.");
        await moderator.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "moderation-queue-desktop.png"), FullPage = true });

        await moderator.GotoAsync(entryPath);
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Modérer" }).ClickAsync();
        await moderator.GetByLabel("Retenue", new() { Exact = true }).CheckAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToContainTextAsync("Le statut est modifié");
        await Assertions.Expect(moderator.Locator(".badge.status")).ToHaveTextAsync("Retenue");

        await moderator.GetByLabel("Objectif opérationnel").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await moderator.GetByLabel("Titre du projet").FillAsync("Dématérialiser les bons de commande");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Inscrire au plan" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToHaveTextAsync("La contribution est inscrite au plan.");
        await Assertions.Expect(moderator.Locator(".badge.status")).ToHaveTextAsync("Dans le plan");

        // The entry page shows the project that carries it (for a difficulty, in its mirror); the plan shows the project with its votes.
        await moderator.GotoAsync(entryPath);
        var projectLink = moderator.Locator("ul.chain a");
        await Assertions.Expect(projectLink).ToContainTextAsync("Dématérialiser les bons de commande");
        await projectLink.ClickAsync();
        await Assertions.Expect(moderator.Locator("h1")).ToContainTextAsync("Dématérialiser les bons de commande");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        // The agent who voted sees the news under the bell.
        await agent.GotoAsync("/Entries");
        await Assertions.Expect(agent.Locator(".bell .count")).ToContainTextAsync("3");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".notification-list").First).ToContainTextAsync($"« {title} » est passée au statut « Dans le plan ».");
        await agent.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "notifications-desktop.png"), FullPage = true });
    }
}
