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

        var client = await SignInAsync(await Given.AnAgent());
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

        var response = await (await SignInAsync(await Given.AnAgent())).Http.GetAsync("/Entries?handler=Export&format=Xlsx&kind=Idea&sort=Newest");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Idée", r["Type"]));
        Assert.Equal(["Un annuaire des compétences", "Un registre partagé"], rows.Select(r => (string)r["Titre"]).Order());
    }
}
