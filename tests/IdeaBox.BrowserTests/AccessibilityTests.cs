using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IdeaBox.Domain;

namespace IdeaBox.BrowserTests;

/// <summary>Every page of the participation loop passes axe (WCAG 2.1 A and AA) in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read: axe need not describe every node that passes (much less work per page).
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>axe finds no WCAG 2.1 A/AA violation, and the Nu HTML Checker no error in the page as the browser holds it.</summary>
    internal static async Task AssertNoViolations(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"{name}: {string.Join("\n", violations)}");
        await AssertValidHtml(await page.ContentAsync(), name);
    }

    internal static async Task AssertValidHtml(string html, string name)
    {
        var errors = await (await NuChecker.Shared).ErrorsAsync(html);
        Assert.True(errors.Count == 0, $"{name}: the Nu HTML Checker reports\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task Public_pages_have_no_violations()
    {
        var page = await fixture.NewPage();
        foreach (var url in new[] { "/Account/Login", "/Privacy", "/Accessibility" })
        {
            await page.GotoAsync(url);
            await AssertNoViolations(page, url);
        }
        // The login form with its errors.
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolations(page, "login with errors");
    }

    [Fact]
    public async Task Pages_have_no_violations_in_dark_mode_and_on_a_small_screen()
    {
        foreach (var (width, dark) in new[] { (1280, true), (375, true), (375, false) })
        {
            var page = await fixture.NewPage(width, 800, dark: dark);
            await fixture.SignIn(page, ModerationJourneyTests.Moderator);
            Assert.Equal(dark, await page.EvaluateAsync<bool>("matchMedia('(prefers-color-scheme: dark)').matches"));
            foreach (var url in new[] { "/", "/Entries", "/Entries/New", "/Plan", "/Mirror", "/Calls", "/Moderation", "/Moderation/Log" })
            {
                await page.GotoAsync(url);
                await AssertNoViolations(page, $"{url} at {width} px{(dark ? ", dark" : "")}");
            }
            await page.GotoAsync("/Entries");
            await page.Locator(".entry-card h2 a").First.ClickAsync();
            await AssertNoViolations(page, $"an entry at {width} px{(dark ? ", dark" : "")}");
            if (width == 375) await page.Locator(".menu > summary").ClickAsync();
            await AssertNoViolations(page, $"an entry with the menu at {width} px{(dark ? ", dark" : "")}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Signed_in_pages_have_no_violations()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, BrowserFixture.Agent);
        await AssertNoViolations(page, "/Entries");
        await page.GotoAsync("/");
        await AssertNoViolations(page, "home page");
        await page.GotoAsync("/Mirror");
        await AssertNoViolations(page, "/Mirror");
        await page.GotoAsync("/Entries");

        await page.GotoAsync("/Entries?kind=Difficulty&sort=MostVotes&p=2");
        await AssertNoViolations(page, "/Entries filtered, page 2");

        await page.GotoAsync("/Entries/New");
        await AssertNoViolations(page, "/Entries/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolations(page, "/Entries/New with errors");

        await page.GetByLabel("Idée").CheckAsync();
        await page.GetByLabel("Titre").FillAsync("Un guichet unique pour les demandes RH");
        await page.GetByLabel("Description").FillAsync("- une seule adresse\n- un suivi en ligne");
        await page.GetByLabel("Ressources humaines").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Un guichet unique pour les demandes RH");
        var entryPath = new Uri(page.Url).AbsolutePath;
        await page.GetByLabel("Votre commentaire").FillAsync("Un premier commentaire.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync();
        await page.Locator("details.reply summary").First.ClickAsync();
        await AssertNoViolations(page, entryPath);

        await page.GotoAsync(entryPath + "/Edit");
        await AssertNoViolations(page, entryPath + "/Edit");

        await page.GotoAsync(entryPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Modifier mon commentaire");
        await AssertNoViolations(page, "comment edit");

        await page.GotoAsync("/Entries/Mine");
        await AssertNoViolations(page, "/Entries/Mine");

        await page.GotoAsync("/Entries/987654");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
        await AssertNoViolations(page, "404");
    }

    [Fact]
    public async Task Moderation_plan_and_notification_pages_have_no_violations()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, ModerationJourneyTests.Moderator);
        foreach (var url in new[] { "/Moderation", "/Moderation?status=UnderReview", "/Moderation/Import", "/Moderation/Log", "/Plan",
                     "/Notifications", "/Settings", "/Entries/New?record=true", "/Plan/Nodes/New?level=Axis", "/Clusters", "/Calls", "/Calls/New" })
        {
            await page.GotoAsync(url);
            await AssertNoViolations(page, url);
        }

        // A cluster's page with its forms and suggestions, a closed call's summary, a running call's form to change it.
        await page.GotoAsync("/Clusters");
        await page.Locator(".clusters a").First.ClickAsync();
        await AssertNoViolations(page, "cluster page");
        await page.GotoAsync("/Calls");
        await page.Locator("section[aria-labelledby=calls-Closed] a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".call-summary")).ToBeVisibleAsync();
        await AssertNoViolations(page, "closed call");
        await page.GotoAsync("/Calls");
        await page.Locator("section[aria-labelledby=calls-Open] h3 a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier l'appel" }).ClickAsync();
        await AssertNoViolations(page, "call edit");

        // The import preview with an error on a line.
        await page.GotoAsync("/Moderation/Import");
        await page.GetByLabel("Contenu CSV").FillAsync("type;titre;description;thèmes;origine\nBanane;Titre;Texte;Inconnu;Rumeur\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToBeVisibleAsync();
        await AssertNoViolations(page, "import preview with errors");

        // An entry under review: its moderation page with a merge search and an error, and its page with the history.
        await page.GotoAsync("/Moderation?status=UnderReview");
        await page.Locator("table.data tbody a").First.ClickAsync();
        var entryPath = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(entryPath + "/Moderate?q=de&d=de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolations(page, entryPath + "/Moderate with errors");
        await page.GotoAsync(entryPath);
        await page.Locator("details.panel summary").ClickAsync();
        await AssertNoViolations(page, entryPath + " with history");

        await page.GotoAsync("/Plan");
        await page.Locator(".level-project a").First.ClickAsync();
        await AssertNoViolations(page, "project page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true }).ClickAsync();
        await AssertNoViolations(page, "project edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).First.ClickAsync();

        var expert = await fixture.NewPage();
        await fixture.SignIn(expert, ModerationJourneyTests.Expert);
        await expert.GotoAsync("/Expert");
        await AssertNoViolations(expert, "/Expert");
        await expert.Locator(".notification-list a[href^='/Expert/']").First.ClickAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Publier mon avis" }).ClickAsync();
        await Assertions.Expect(expert.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolations(expert, "expert answer with errors");

        // The e-mails page with what it lists: one waiting for its next try, one given up (no SMTP server in these tests).
        await fixture.WithDb(async db =>
        {
            var waiting = new MailRetry { ToAddress = "agent@ideabox.demo", ToName = "Agent", Subject = "Nouveau commentaire", Text = "…", CreatedAt = DateTime.UtcNow.AddMinutes(-3), LastAttemptAt = DateTime.UtcNow.AddMinutes(-3) };
            waiting.Failed(DateTime.UtcNow, "4.2.0 Mailbox full");
            var givenUp = new MailRetry { ToAddress = "moderator@ideabox.demo", ToName = "Modération", Subject = "Résumé du jour", Text = "…", CreatedAt = DateTime.UtcNow.AddHours(-3), LastAttemptAt = DateTime.UtcNow.AddHours(-3) };
            for (var i = 0; i < MailRetry.MaxAttempts; i++) givenUp.Failed(DateTime.UtcNow, "5.1.1 User unknown");
            db.MailRetries.AddRange(waiting, givenUp);
            await db.SaveChangesAsync();
        });
        var admin = await fixture.NewPage();
        await fixture.SignIn(admin, "admin@ideabox.demo");
        foreach (var url in new[] { "/Admin", "/Admin/Users", "/Admin/Themes", "/Admin/Units", "/Admin/Security", "/Admin/Branding", "/Admin/Mail" })
        {
            await admin.GotoAsync(url);
            await AssertNoViolations(admin, url);
        }
        await Assertions.Expect(admin.Locator("table.data tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_dashboard_and_search_have_no_violations()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, LeadershipJourneyTests.Leadership);
        foreach (var url in new[] { "/Dashboard", "/Dashboard?period=All", "/Dashboard?period=Days90&unit=1", "/Entries?q=agents" })
        {
            await page.GotoAsync(url);
            foreach (var summary in await page.Locator("main details > summary").AllAsync()) await summary.ClickAsync();
            await AssertNoViolations(page, url);
        }
        await page.GotoAsync("/Entries/New");
        await page.GetByLabel("Titre").FillAsync("Les nouveaux agents n'ont pas accès aux applications");
        await Assertions.Expect(page.Locator("#similar a").First).ToBeVisibleAsync();
        await AssertNoViolations(page, "submit form with similar entries");
    }
}
