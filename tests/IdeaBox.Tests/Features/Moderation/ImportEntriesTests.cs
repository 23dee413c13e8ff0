using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class ImportEntriesTests(AppFixture app) : AppTest(app)
{
    private Task<List<Entry>> Imported() => WithDb(db => db.Entries.Include(e => e.Themes).Include(e => e.Unit).OrderBy(e => e.OriginReference).ToListAsync());

    [Fact]
    public async Task A_good_file_with_semicolons_and_a_bom_previews_then_imports_every_line()
    {
        var moderator = await Given.AModerator();
        await Given.ATheme("Achats");
        await Given.ATheme("Numérique");
        var unit = await Given.AUnit("Service des marchés publics");
        var csv = "\uFEFFtype;titre;description;thèmes;service;origine;référence\n" +
                  "Difficulté;Les bons de commande circulent sur papier;\"Trois signatures; puis un scan.\";Achats|Numerique;Service des marches publics;Audit interne;SEMI-1\n" +
                  "idee;Un registre partagé des achats;Pour tous.;ACHATS;;SWOT;SEMI-2\n";

        var preview = await Send(new ImportEntries(csv, Commit: false), moderator);
        Assert.True(preview.IsValid);
        Assert.Equal(2, preview.Lines.Count);
        Assert.Empty(await Imported());

        Assert.Equal(2, (await Send(new ImportEntries(csv, Commit: true), moderator)).Imported);
        var entries = await Imported();
        Assert.Equal((EntryKind.Difficulty, "Les bons de commande circulent sur papier", "Trois signatures; puis un scan.", EntryOrigin.InternalAudit, unit.Name),
            (entries[0].Kind, entries[0].Title, entries[0].Body, entries[0].Origin, entries[0].Unit!.Name));
        Assert.Equal(["Achats", "Numérique"], entries[0].Themes.Select(t => t.Name).Order());
        Assert.Equal((EntryKind.Idea, EntryOrigin.SwotAnalysis, EntryStatus.Submitted, moderator.Id), (entries[1].Kind, entries[1].Origin, entries[1].Status, entries[1].AuthorId));
        foreach (var entry in entries)
        {
            var audit = Assert.Single(await AuditAsync(entry.Id));
            Assert.Equal((AuditAction.Imported, entry.Origin, entry.OriginReference), (audit.Action, audit.Origin!.Value, audit.Reason));
        }
    }

    [Fact]
    public async Task A_comma_separated_file_with_english_headers_is_read_too()
    {
        await Given.ATheme("Formation");
        var csv = "kind,title,body,themes,origin,reference\nInitiative,Le tutorat des nouveaux agents,\"Déjà en place, à diffuser.\",Formation,Partner meeting,COMMA-1\n";
        Assert.Equal(1, (await Send(new ImportEntries(csv, true), await Given.AModerator())).Imported);
        Assert.Equal(("COMMA-1", EntryOrigin.PartnerMeeting), ((await Imported())[0].OriginReference, (await Imported())[0].Origin));
    }

    [Fact]
    public async Task One_bad_line_imports_nothing_and_each_line_says_what_is_wrong()
    {
        await Given.ATheme("Achats");
        var csv = "type;titre;description;thèmes;service;origine;référence\n" +
                  "Difficulté;Une ligne correcte;Texte.;Achats;;Audit interne;BAD-1\n" +
                  $"Banane;{new string('x', 121)};;Thème inconnu;Service fantôme;Rumeur;BAD-2\n" +
                  "Idée;Sans thème;Texte.;;;CAF;BAD-3\n";

        var result = await Send(new ImportEntries(csv, Commit: true), await Given.AModerator());
        Assert.False(result.IsValid);
        Assert.Equal(0, result.Imported);
        Assert.Empty(await Imported());
        Assert.Empty(result.Lines[0].Errors);
        Assert.Equal(2, result.Lines[0].Line);
        Assert.Equal(["Body", "Kind", "Origin", "Themes", "Title", "Unit"], result.Lines[1].Errors.Select(e => e.Field).Distinct().Order());
        Assert.Contains(result.Lines[2].Errors, e => e.Field == "Themes" && e.MessageKey == "Validation.ThemeRequired");
    }

    [Theory]
    [InlineData("", "Import.Empty")]
    [InlineData("titre;description\nA;B\n", "Import.MissingColumns")]
    [InlineData("type;titre;description;thèmes;origine\n", "Import.Empty")]
    public async Task A_file_that_cannot_be_read_says_why(string csv, string key)
    {
        var result = await Send(new ImportEntries(csv, true), await Given.AModerator());
        Assert.Equal(key, Assert.Single(result.FileErrors).MessageKey);
        Assert.Equal(0, result.Imported);
    }

    [Fact]
    public async Task Only_moderators_import() =>
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new ImportEntries("x", false), await Given.AnAgent()));
}
