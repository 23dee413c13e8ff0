using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

/// <summary>The list's search box: full text over titles and bodies, with the list's filters and sorts.</summary>
[Collection(Slices.Name)]
public sealed class SearchEntriesTests(AppFixture app) : AppTest(app)
{
    private Task<int> Entry(string title, string body, EntryKind kind = EntryKind.Difficulty, EntryStatus status = EntryStatus.Submitted) =>
        Given.AnEntry(kind, status, title: title, body: body);

    private async Task<List<int>> Search(string text, EntrySort sort = EntrySort.Relevance, EntryKind? kind = null) =>
        (await Send(new ListEntries(Kind: kind, Sort: sort, Text: text), await Given.AnAgent())).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task Accents_and_case_are_ignored_both_ways()
    {
        var ecole = await Entry("Les écoles partenaires n'ont pas de référent", "Aucun contact stable.");
        var secu = await Entry("Le SERVICE de sécurité ferme tôt", "Impossible de rentrer après 18 h.");
        Assert.Equal([ecole], await Search("ecole"));
        Assert.Equal([ecole], await Search("ÉCOLES REFERENT"));
        Assert.Equal([secu], await Search("securite"));
        Assert.Equal([secu], await Search("Sécurité"));
    }

    [Fact]
    public async Task Every_word_must_match_and_the_last_may_be_a_prefix()
    {
        var id = await Entry("La photocopieuse du rez-de-chaussée bourre", "Le technicien passe une fois par mois.");
        Assert.Equal([id], await Search("technicien photocop"));
        Assert.Empty(await Search("photocop technicien"));
        Assert.Empty(await Search("photocopieuse licorne"));
        // No FTS syntax gets through: quotes, stars and operators are just separators.
        Assert.Equal([id], await Search("\"photocopieuse\" * ^( -:"));
        Assert.Empty(await Search("!!! ?"));
    }

    [Fact]
    public async Task A_search_kept_for_everyone_finds_an_entry_submitted_or_edited_after_it()
    {
        var first = await Entry("Le badge wombatique ne s'active pas", "Au deuxième étage.");
        Assert.Equal([first], await Search("wombatique"));

        // The ranking is kept for the next searches, but a new entry or an edit is found at once.
        var theme = await Given.ATheme();
        var author = await Given.AnAgent();
        var second = await Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Un badge wombatique de secours", "À l'accueil.", [theme.Id], null, false)), author);
        Assert.Equal([second, first], await Search("wombatique"));
        await Send(new EditEntry(second, new EntryInput(EntryKind.Idea, "Un badge de secours", "À l'accueil.", [theme.Id], null, false)), author);
        Assert.Equal([first], await Search("wombatique"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var inBody = await Entry("Les réunions commencent en retard", "Le vidéoprojecteur zorglubien ne marche jamais.");
        var inTitle = await Entry("Le vidéoprojecteur zorglubien est en panne", "Depuis janvier.");
        Assert.Equal([inTitle, inBody], await Search("zorglubien"));
    }

    [Fact]
    public async Task The_search_combines_with_filters_and_sorts_and_hides_what_the_list_hides()
    {
        var difficulty = await Entry("Le formulaire quetzal est introuvable", "Sur l'intranet.");
        var idea = await Entry("Publier le formulaire quetzal en ligne", "Pour tous.", EntryKind.Idea);
        var hidden = await Entry("Formulaire quetzal injurieux", "…", status: EntryStatus.Hidden);
        await Given.Votes(idea, await Given.AnAgent(), await Given.AnAgent());

        Assert.Equal([difficulty], await Search("quetzal", kind: EntryKind.Difficulty));
        Assert.Equal([idea, difficulty], await Search("quetzal", EntrySort.MostVotes));
        Assert.DoesNotContain(hidden, await Search("quetzal"));

        // An edit re-indexes the entry (the triggers follow updates) and the searches kept are forgotten.
        await WithDb(async db =>
        {
            (await db.Entries.SingleAsync(e => e.Id == difficulty)).Title = "Le formulaire ornithorynque";
            return await db.SaveChangesAsync();
        });
        Assert.Equal([idea], await Search("quetzal"));
        Assert.Equal([difficulty], await Search("ornithorynque"));
    }
}
