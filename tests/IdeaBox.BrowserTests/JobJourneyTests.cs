namespace IdeaBox.BrowserTests;

/// <summary>Long work in a real browser: an import and a large export show their progress, with and without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobJourneyTests(BrowserFixture fixture)
{
    private static string Csv(string tag, int lines) =>
        "type;titre;description;thèmes;origine\n"
        + string.Concat(Enumerable.Range(1, lines).Select(i => $"Idée;Import {tag} numéro {i};Texte {i}.;Marchés publics;Audit interne\n"));

    private static async Task QueueImport(IPage page, string csv, int lines)
    {
        await page.GotoAsync("/Moderation/Import");
        await page.GetByLabel("Contenu CSV").FillAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Importer {lines} contributions" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import de contributions");
        Assert.Matches("/Jobs/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_import_shows_its_progress_and_ends_on_its_outcome_with_or_without_javascript()
    {
        // With JavaScript (and the dark theme): the page follows the job by itself.
        var page = await fixture.NewPage(dark: true);
        await fixture.SignIn(page, ModerationJourneyTests.Moderator);
        // No scan while it runs: the script reloads the page when the job ends, which would cut a scan short.
        await QueueImport(page, Csv("scripté", 3), 3);
        await Assertions.Expect(page.Locator(".job-outcome")).ToHaveTextAsync("3 contributions importées ; elles attendent dans la file de tri.",
            new() { Timeout = 30_000 });
        await AccessibilityTests.AssertNoViolations(page, "finished import job, dark");

        // Without JavaScript (axe needs it, so no scan here), on a small screen: the "Actualiser" button shows how far it is until it has finished.
        var plain = await fixture.NewPage(375, 800, javaScript: false);
        await fixture.SignIn(plain, ModerationJourneyTests.Moderator);
        await QueueImport(plain, Csv("sans script", 2), 2);
        for (var i = 0; i < 60 && await plain.Locator(".job-outcome").CountAsync() == 0; i++)
        {
            await Assertions.Expect(plain.Locator("#job-step")).Not.ToBeEmptyAsync();
            await plain.WaitForTimeoutAsync(500);
            await plain.GetByRole(AriaRole.Link, new() { Name = "Actualiser" }).ClickAsync();
        }
        await Assertions.Expect(plain.Locator(".job-outcome")).ToHaveTextAsync("2 contributions importées ; elles attendent dans la file de tri.");
        await plain.GetByRole(AriaRole.Link, new() { Name = "Voir la file de tri" }).ClickAsync();
        await Assertions.Expect(plain.Locator("h1")).ToHaveTextAsync("Modération");
    }

    [Fact]
    public async Task A_large_export_is_written_in_the_background_then_downloaded()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, LeadershipJourneyTests.Leadership);
        await page.GotoAsync("/Entries");
        await page.GetByRole(AriaRole.Link, new() { Name = "Télécharger cette liste (CSV)" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Export des contributions");
        var link = page.Locator(".job a[download]");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".job-outcome")).ToContainTextAsync("lignes écrites.");
        await AccessibilityTests.AssertNoViolations(page, "finished export job");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.StartsWith("ideabox-contributions-", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("\uFEFFNuméro;Type;Titre", text);
        Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 21, "More rows than the direct-download threshold.");

        // Later, from the settings: the person's exports of the day, with the file again.
        await page.GotoAsync("/Settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes exports et imports du dernier jour" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mes exports et imports");
        await Assertions.Expect(page.Locator("table.data tbody tr").First).ToContainTextAsync("Export des contributions");
        await AccessibilityTests.AssertNoViolations(page, "/Jobs");
        var again = await page.RunAndWaitForDownloadAsync(() => page.Locator("table.data tbody tr").First.Locator("a[download]").ClickAsync());
        Assert.StartsWith("ideabox-contributions-", again.SuggestedFilename);
    }
}
