using IdeaBox.Web.Features.Search;

namespace IdeaBox.Tests.Features.Search;

[Collection(Slices.Name)]
public sealed class FindSimilarEntriesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Titles_sharing_two_significant_words_are_suggested_with_status_and_votes()
    {
        var printers = await Given.AnEntry(title: "Les imprimantes réseau tombent en panne chaque lundi", body: "Texte.");
        var other = await Given.AnEntry(title: "Le parking vélo est trop petit", body: "Texte.");
        await Given.Votes(printers, await Given.AnAgent());
        var agent = await Given.AnAgent();

        var similar = await Send(new FindSimilarEntries("Imprimante reseau en panne au 3e"), agent);
        Assert.Equal(new SimilarEntry(printers, EntryKind.Difficulty, "Les imprimantes réseau tombent en panne chaque lundi", EntryStatus.Submitted, 1),
            Assert.Single(similar));
        Assert.DoesNotContain(similar, s => s.Id == other);
        // One shared word is not enough; stop words do not count.
        Assert.Empty(await Send(new FindSimilarEntries("Les imprimantes du troisième"), agent));
        Assert.Empty(await Send(new FindSimilarEntries("les des pour"), agent));
    }

    [Fact]
    public async Task Hidden_and_merged_entries_are_not_suggested_and_five_at_most_are()
    {
        for (var i = 0; i < 7; i++) await Given.AnEntry(title: $"Le chauffage du bâtiment {i} tombe en panne", body: "Texte.");
        await Given.AnEntry(status: EntryStatus.Hidden, title: "Chauffage en panne (masqué)", body: "Texte.");
        var similar = await Send(new FindSimilarEntries("Chauffage en panne"), await Given.AnAgent());
        Assert.Equal(FindSimilarEntries.Max, similar.Count);
        Assert.DoesNotContain(similar, s => s.Title.Contains("masqué"));
    }
}

[Collection(Pages.Name)]
public sealed class SimilarEntriesPageTests(AppFixture app) : AppTest(app)
{
    private async Task<Dictionary<string, string>> Form(string title) => new()
    {
        ["Input.Kind"] = "Difficulty", ["Input.Title"] = title, ["Input.Body"] = "Texte.", ["Input.ThemeIds"] = (await Given.ATheme()).Id.ToString(),
    };

    [Fact]
    public async Task The_fragment_for_the_script_lists_the_similar_entries()
    {
        await Given.AnEntry(title: "Le badge d'accès se désactive pendant les congés");
        var (response, fragment) = await (await SignInAsync(await Given.AnAgent())).Get("/Entries/Similar?title=" + Uri.EscapeDataString("badge acces desactive"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fragment.QuerySelectorAll("a"), a => a.TextContent == "Le badge d'accès se désactive pendant les congés");
        Assert.Null(fragment.QuerySelector("header"));
    }

    [Fact]
    public async Task Without_javascript_a_similar_title_gets_a_confirmation_step_before_saving()
    {
        await Given.AnEntry(title: "La cantine ferme trop tôt le vendredi");
        var client = await SignInAsync(await Given.AnAgent());
        const string title = "Cantine fermée trop tôt le vendredi midi";

        var first = await client.PostForm("/Entries/New", "form.entry-form", await Form(title));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await AppClient.Html(first);
        Assert.Contains(page.QuerySelectorAll("#similar a"), a => a.TextContent == "La cantine ferme trop tôt le vendredi");
        Assert.Equal(title, page.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync(e => e.Title == title)));

        // Sending the same form again (it now says the list was seen) saves the entry.
        var fields = (await Form(title)).ToList();
        fields.Add(new("Input.SimilarChecked", page.GetElementById("Input_SimilarChecked")!.GetAttribute("value")!));
        var second = await client.PostWithToken(AppClient.Token(page, "form.entry-form"), "/Entries/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await WithDb(db => db.Entries.CountAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task A_title_like_nothing_else_is_saved_at_once()
    {
        await Given.AnEntry(title: "La cantine ferme trop tôt le vendredi");
        var response = await (await SignInAsync(await Given.AnAgent())).PostForm("/Entries/New", "form.entry-form", await Form("Zygomorphe xylophonique quinquennal"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
