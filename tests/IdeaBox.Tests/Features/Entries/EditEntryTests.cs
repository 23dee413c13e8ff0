using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

[Collection(Slices.Name)]
public sealed class EditEntryTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Only_the_author_can_edit_and_only_while_submitted()
    {
        var author = await Given.AnAgent();
        var theme = await Given.ATheme();
        var id = await Given.AnEntry(author: author, title: "Titre d'origine");
        EntryInput Input(string title) => new(EntryKind.Difficulty, title, "Texte.", [theme.Id], null, false);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new EditEntry(id, Input("Piraté")), await Given.AnAgent()));
        await Send(new EditEntry(id, Input("Titre corrigé")), author);
        var edited = await EntryAsync(id);
        Assert.Equal("Titre corrigé", edited.Title);
        Assert.Equal([theme.Id], edited.Themes.Select(t => t.Id));

        await WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.UnderReview)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new EditEntry(id, Input("Trop tard")), author));
        Assert.Equal("Titre corrigé", (await EntryAsync(id)).Title);
    }

    [Fact]
    public async Task Someone_elses_hidden_entry_does_not_exist_for_an_agent()
    {
        var id = await Given.AnEntry(status: EntryStatus.Hidden);
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetEntryForEdit(id), await Given.AnAgent()));
    }
}

[Collection(Pages.Name)]
public sealed class EditEntryPageTests(AppFixture app) : AppTest(app)
{
    private async Task<Dictionary<string, string>> Form(string title) => new()
    {
        ["Input.Kind"] = "Difficulty", ["Input.Title"] = title, ["Input.Body"] = "Texte.", ["Input.ThemeIds"] = (await Given.ATheme()).Id.ToString(),
    };

    [Fact]
    public async Task The_author_edits_their_entry_while_it_is_submitted()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, title: "Titre à corriger");
        var response = await (await SignInAsync(author)).PostForm($"/Entries/{id}/Edit", "form.entry-form", await Form("Titre corrigé par l'auteur"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Titre corrigé par l'auteur", (await EntryAsync(id)).Title);
    }

    [Fact]
    public async Task Editing_someone_elses_entry_is_forbidden_and_changes_nothing()
    {
        var id = await Given.AnEntry(title: "Mon entrée à moi");
        var intruder = await SignInAsync(await Given.AnAgent());

        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.Get($"/Entries/{id}/Edit")).Response.StatusCode);
        // Posted with a token taken from a page the intruder may open.
        var post = await intruder.PostWithToken("/Entries/New", "form.entry-form", $"/Entries/{id}/Edit", await Form("Piraté"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Accès refusé", (await AppClient.Html(post)).QuerySelector("h1")!.TextContent);
        Assert.Equal("Mon entrée à moi", (await EntryAsync(id)).Title);
    }
}
