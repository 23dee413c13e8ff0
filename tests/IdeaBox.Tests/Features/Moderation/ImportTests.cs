using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Moderation;

public sealed class ImportTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<(string Theme1, string Theme2, string Unit)> NamesAsync() => await app.WithDb(async db =>
    {
        var themes = await db.Themes.OrderBy(t => t.Id).Select(t => t.Name).Take(2).ToListAsync();
        var unit = await db.Units.OrderByDescending(u => u.Depth).Select(u => u.Name).FirstAsync();
        return (themes[0], themes[1], unit);
    });

    private Task<int> CountWithReference(string prefix) =>
        app.WithDb(db => db.Entries.CountAsync(e => e.OriginReference != null && e.OriginReference.StartsWith(prefix)));

    [Fact]
    public async Task A_good_file_with_semicolons_and_a_bom_previews_then_imports_every_line()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (theme1, theme2, unit) = await NamesAsync();
        var csv = "\uFEFFtype;titre;description;thèmes;service;origine;référence\n" +
                  $"Difficulté;Les bons de commande circulent sur papier;\"Trois signatures; puis un scan.\";{theme1}|{theme2};{unit};Audit interne;SEMI-1\n" +
                  $"idee;Un registre partagé des achats;Pour tous.;{theme1.ToUpperInvariant()};;SWOT;SEMI-2\n";

        var preview = await app.Send(new ImportEntries(csv, Commit: false), moderator);
        Assert.True(preview.IsValid);
        Assert.Equal(2, preview.Lines.Count);
        Assert.Equal(0, await CountWithReference("SEMI-"));

        var done = await app.Send(new ImportEntries(csv, Commit: true), moderator);
        Assert.Equal(2, done.Imported);
        var entries = await app.WithDb(db => db.Entries.Include(e => e.Themes).Include(e => e.Unit)
            .Where(e => e.OriginReference!.StartsWith("SEMI-")).OrderBy(e => e.OriginReference).ToListAsync());
        Assert.Equal((EntryKind.Difficulty, "Les bons de commande circulent sur papier", "Trois signatures; puis un scan.", EntryOrigin.InternalAudit, unit),
            (entries[0].Kind, entries[0].Title, entries[0].Body, entries[0].Origin, entries[0].Unit!.Name));
        Assert.Equal(2, entries[0].Themes.Count);
        Assert.Equal((EntryKind.Idea, EntryOrigin.SwotAnalysis, EntryStatus.Submitted), (entries[1].Kind, entries[1].Origin, entries[1].Status));
        Assert.All(entries, e => Assert.Contains(app.AuditAsync(e.Id).Result, a => a.Action == AuditAction.Imported));
    }

    [Fact]
    public async Task A_comma_separated_file_with_english_headers_is_read_too()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (theme1, _, _) = await NamesAsync();
        var csv = $"kind,title,body,themes,origin,reference\nInitiative,Le tutorat des nouveaux agents,\"Déjà en place, à diffuser.\",{theme1},Partner meeting,COMMA-1\n";
        Assert.Equal(1, (await app.Send(new ImportEntries(csv, true), moderator)).Imported);
        Assert.Equal(1, await CountWithReference("COMMA-"));
    }

    [Fact]
    public async Task One_bad_line_imports_nothing_and_each_line_says_what_is_wrong()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (theme1, _, _) = await NamesAsync();
        var csv = "type;titre;description;thèmes;service;origine;référence\n" +
                  $"Difficulté;Une ligne correcte;Texte.;{theme1};;Audit interne;BAD-1\n" +
                  $"Banane;{new string('x', 121)};;Thème inconnu;Service fantôme;Rumeur;BAD-2\n" +
                  $"Idée;Sans thème;Texte.;;;CAF;BAD-3\n";

        var result = await app.Send(new ImportEntries(csv, Commit: true), moderator);
        Assert.False(result.IsValid);
        Assert.Equal(0, result.Imported);
        Assert.Equal(0, await CountWithReference("BAD-"));
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
        var result = await app.Send(new ImportEntries(csv, true), await app.UserAsync(TestApp.Moderator));
        Assert.Equal(key, Assert.Single(result.FileErrors).MessageKey);
        Assert.Equal(0, result.Imported);
    }

    [Fact]
    public async Task Only_moderators_import() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new ImportEntries("x", false), app.UserAsync(TestApp.Agent).Result));
}
