using System.Net;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Http;

/// <summary>Similar entries while writing: live through the fragment the script loads, or on a confirmation step without JavaScript.</summary>
public sealed class SimilarEntriesTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<Dictionary<string, string>> Form(string title) => new()
    {
        ["Input.Kind"] = "Difficulty", ["Input.Title"] = title, ["Input.Body"] = "Texte.",
        ["Input.ThemeIds"] = (await app.AnyThemeIdAsync()).ToString(),
    };

    private async Task<int> Seeded(string title)
    {
        var agent = await AppClient.SignedIn(app, TestApp.Expert);
        var form = await Form(title);
        form["Input.SimilarChecked"] = "true";
        var response = await agent.PostForm("/Entries/New", "form.entry-form", form);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task Titles_sharing_two_significant_words_are_suggested_with_status_and_votes()
    {
        var printers = await Seeded("Les imprimantes réseau tombent en panne chaque lundi");
        var other = await Seeded("Le parking vélo est trop petit");
        var agent = await app.OtherAgentAsync();

        var similar = await app.Send(new FindSimilarEntries("Imprimante reseau en panne au 3e"), agent);
        var found = Assert.Single(similar, s => s.Id == printers);
        Assert.Equal((IdeaBox.Domain.EntryStatus.Submitted, 0), (found.Status, found.VoteCount));
        Assert.DoesNotContain(similar, s => s.Id == other);
        Assert.True(similar.Count <= FindSimilarEntries.Max);
        // One shared word is not enough; stop words do not count.
        Assert.DoesNotContain(await app.Send(new FindSimilarEntries("Les imprimantes du troisième"), agent), s => s.Id == printers);
        Assert.Empty(await app.Send(new FindSimilarEntries("les des pour"), agent));
    }

    [Fact]
    public async Task The_fragment_for_the_script_lists_the_similar_entries()
    {
        await Seeded("Le badge d'accès se désactive pendant les congés");
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var (response, fragment) = await client.Get("/Entries/Similar?title=" + Uri.EscapeDataString("badge acces desactive"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fragment.QuerySelectorAll("a"), a => a.TextContent == "Le badge d'accès se désactive pendant les congés");
        Assert.Null(fragment.QuerySelector("header"));
    }

    [Fact]
    public async Task Without_javascript_a_similar_title_gets_a_confirmation_step_before_saving()
    {
        await Seeded("La cantine ferme trop tôt le vendredi");
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        const string title = "Cantine fermée trop tôt le vendredi midi";

        var first = await client.PostForm("/Entries/New", "form.entry-form", await Form(title));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await AppClient.Html(first);
        Assert.Contains(page.QuerySelectorAll("#similar a"), a => a.TextContent == "La cantine ferme trop tôt le vendredi");
        Assert.Equal(title, page.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDb(db => db.Entries.CountAsync(e => e.Title == title)));

        // Sending the same form again (it now says the list was seen) saves the entry.
        var fields = (await Form(title)).ToList();
        fields.Add(new("Input.SimilarChecked", page.GetElementById("Input_SimilarChecked")!.GetAttribute("value")!));
        var second = await client.PostWithToken(AppClient.Token(page, "form.entry-form"), "/Entries/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.Entries.CountAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task A_title_like_nothing_else_is_saved_at_once()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var response = await client.PostForm("/Entries/New", "form.entry-form", await Form("Zygomorphe xylophonique quinquennal"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
