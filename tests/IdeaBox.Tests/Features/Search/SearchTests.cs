using IdeaBox.Domain;
using IdeaBox.Tests.Features.Moderation;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Search;

public sealed class SearchTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<int> Entry(string title, string body, EntryKind kind = EntryKind.Difficulty)
    {
        var author = await app.UserAsync(TestApp.Agent);
        return await app.Send(new SubmitEntry(new EntryInput(kind, title, body, [await app.AnyThemeIdAsync()], null, false)), author);
    }

    private async Task<List<int>> Search(string text, EntrySort sort = EntrySort.Relevance, EntryKind? kind = null) =>
        (await app.Send(new ListEntries(Kind: kind, Sort: sort, Text: text), await app.OtherAgentAsync())).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task Accents_and_case_are_ignored_both_ways()
    {
        var ecole = await Entry("Les écoles partenaires n'ont pas de référent", "Aucun contact stable.");
        var secu = await Entry("Le SERVICE de sécurité ferme tôt", "Impossible de rentrer après 18 h.");
        Assert.Contains(ecole, await Search("ecole"));
        Assert.Contains(ecole, await Search("ÉCOLES REFERENT"));
        Assert.Contains(secu, await Search("securite"));
        Assert.Contains(secu, await Search("Sécurité"));
        Assert.DoesNotContain(ecole, await Search("securite"));
    }

    [Fact]
    public async Task Every_word_must_match_and_the_last_may_be_a_prefix()
    {
        var id = await Entry("La photocopieuse du rez-de-chaussée bourre", "Le technicien passe une fois par mois.");
        Assert.Contains(id, await Search("technicien photocop"));
        Assert.DoesNotContain(id, await Search("photocop technicien"));
        Assert.DoesNotContain(id, await Search("photocopieuse licorne"));
        // No FTS syntax gets through: quotes, stars and operators are just separators.
        Assert.Contains(id, await Search("\"photocopieuse\" * ^( -:"));
        Assert.Empty(await Search("!!! ?"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var inBody = await Entry("Les réunions commencent en retard", "Le vidéoprojecteur zorglubien ne marche jamais.");
        var inTitle = await Entry("Le vidéoprojecteur zorglubien est en panne", "Depuis janvier.");
        var results = await Search("zorglubien");
        Assert.Equal([inTitle, inBody], results);
    }

    [Fact]
    public async Task The_search_combines_with_filters_sorts_and_hides_what_the_list_hides()
    {
        var difficulty = await Entry("Le formulaire quetzal est introuvable", "Sur l'intranet.");
        var idea = await Entry("Publier le formulaire quetzal en ligne", "Pour tous.", EntryKind.Idea);
        var hidden = await Entry("Formulaire quetzal injurieux", "…");
        await app.SetStatusAsync(hidden, EntryStatus.Hidden);
        await app.VoteAsync(idea, await app.OtherAgentAsync(1), await app.OtherAgentAsync(2));

        Assert.Equal([difficulty], await Search("quetzal", kind: EntryKind.Difficulty));
        Assert.Equal([idea, difficulty], await Search("quetzal", EntrySort.MostVotes));
        Assert.DoesNotContain(hidden, await Search("quetzal"));

        // An edit re-indexes the entry (the triggers follow updates).
        await app.WithDb(db => db.Entries.Where(e => e.Id == difficulty).ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Le formulaire ornithorynque")));
        Assert.Equal([idea], await Search("quetzal"));
        Assert.Equal([difficulty], await Search("ornithorynque"));
    }
}
