
namespace IdeaBox.BrowserTests;

/// <summary>The journeys of DESIGN.md's roles not covered elsewhere, one by keyboard only and one without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_agent_submits_and_votes_with_the_keyboard_only()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, BrowserFixture.Agent);
        await page.GotoAsync("/Entries/New");

        // Tab from the top of the page to the first kind radio, choose with the arrow keys and Space.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("document.activeElement?.name === 'Input.Kind'"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Difficulté")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Titre")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Le quai de chargement est fermé aux livraisons du matin");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Les fournisseurs repartent sans livrer.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        // Through the other themes and fields to the submit button.
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>("document.activeElement?.type === 'submit'"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Le quai de chargement est fermé aux livraisons du matin");

        // The vote button is reachable and works with Space; the result is announced in a live region, without a reload.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement?.textContent?.trim()") != "Moi aussi"; i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(".vote-count")).ToHaveTextAsync("1 vote");
        await Assertions.Expect(page.Locator("#vote-live")).ToHaveTextAsync("Votre vote est enregistré.");
    }

    [Fact]
    public async Task Without_javascript_an_agent_submits_through_the_similar_step_votes_and_comments()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await fixture.SignIn(page, BrowserFixture.Agent);
        var existing = (await page.Locator(".entry-card h2 a").First.TextContentAsync())!;

        await page.GotoAsync("/Entries/New");
        await page.GetByLabel("Idée").CheckAsync();
        await page.GetByLabel("Titre").FillAsync(existing);
        await page.GetByLabel("Description").FillAsync("Même idée, écrite sans script.");
        await page.GetByLabel("Formation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        // The similar entries come first, on a confirmation step; sending again saves.
        await Assertions.Expect(page.Locator("#similar a").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(existing);

        await page.GetByRole(AriaRole.Button, new() { Name = "Je soutiens" }).ClickAsync();
        await Assertions.Expect(page.Locator(".vote-count")).ToHaveTextAsync("1 vote");
        await page.GetByLabel("Votre commentaire").FillAsync("Commentaire sans JavaScript.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comment-body").Last).ToHaveTextAsync("Commentaire sans JavaScript.");
        // As its author, the agent already follows it; unfollowing works without a script too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ne plus suivre" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToHaveTextAsync("Vous ne suivez plus cette contribution.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Suivre", Exact = true })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_expert_answers_a_question_and_the_opinion_shows_on_the_entry()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, ModerationJourneyTests.Expert);
        await page.GetByRole(AriaRole.Link, new() { Name = "Avis d'expert" }).ClickAsync();
        var request = page.Locator(".notification-list a[href^='/Expert/']").First;
        var title = (await request.TextContentAsync())!;
        await request.ClickAsync();
        await page.GetByLabel("Votre avis").FillAsync("Faisable avec l'outil de **gestion documentaire** existant.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier mon avis" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".expert-opinion").Last).ToContainTextAsync("gestion documentaire");
        await Assertions.Expect(page.Locator(".expert-opinion h3").Last).ToContainTextAsync("Avis d'expert de Nathalie Lambert");
    }

    [Fact]
    public async Task An_administrator_adds_a_theme_and_a_unit_and_gives_a_role()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, "admin@ideabox.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thèmes" }).ClickAsync();
        await page.GetByLabel("Nouveau thème").FillAsync("Mobilité douce");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nom du thème « Mobilité douce »")).ToBeVisibleAsync();

        await page.GotoAsync("/Admin/Units");
        await page.GetByLabel("Nouveau service").FillAsync("Cellule innovation");
        await page.GetByLabel("Sous le service").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nom du service « Cellule innovation »")).ToBeVisibleAsync();

        await page.GotoAsync("/Admin/Users?q=agent%40ideabox.demo");
        await page.GetByLabel("Expert", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les rôles Camille Dubois" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("Les rôles sont enregistrés");
        await Assertions.Expect(page.GetByLabel("Expert", new() { Exact = true })).ToBeCheckedAsync();
        // Put it back: other tests sign in as this agent.
        await page.GetByLabel("Expert", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les rôles Camille Dubois" }).ClickAsync();
    }

    [Fact]
    public async Task With_javascript_a_vote_needs_no_reload_and_is_announced()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, "direction@ideabox.demo");
        await page.GotoAsync("/Entries?sort=Newest");
        await page.Locator(".entry-card h2 a").First.ClickAsync();
        var button = page.Locator("section.votes button");
        if (await button.TextContentAsync() == "Retirer mon vote") await button.ClickAsync();
        await page.EvaluateAsync("window.__sameDocument = true");
        await page.Locator("section.votes button.vote").ClickAsync();
        await Assertions.Expect(page.Locator("#vote-live")).ToHaveTextAsync("Votre vote est enregistré.");
        await Assertions.Expect(page.Locator("section.votes button")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#vote-live")).ToHaveTextAsync("Votre vote est retiré.");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
    }
}
