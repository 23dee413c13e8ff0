using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

[Collection(Slices.Name)]
public sealed class SubmitEntryTests(AppFixture app) : AppTest(app)
{
    private static EntryInput Input(int themeId, string title = "Les notes de frais passent par trois bureaux", string body = "Trois signatures **papier**.",
        int? unitId = null, bool hide = false) =>
        new(EntryKind.Difficulty, title, body, [themeId], unitId, hide);

    [Fact]
    public async Task Submitting_saves_the_entry_with_its_themes_in_the_authors_unit_by_default()
    {
        var unit = await Given.AUnit("Service des finances");
        var agent = await Given.AnAgent(unit);
        var theme = await Given.ATheme("Finances");
        var id = await Send(new SubmitEntry(Input(theme.Id)), agent);

        var saved = await EntryAsync(id);
        Assert.Equal((EntryStatus.Submitted, agent.Id, unit.Id, EntryOrigin.Agent), (saved.Status, saved.AuthorId, saved.UnitId, saved.Origin));
        Assert.Equal([theme.Id], saved.Themes.Select(t => t.Id));
        Assert.Contains("<strong>papier</strong>", saved.BodyHtml);
        Assert.Equal((0, Trending.NoVotes, Clock.UtcNow), (saved.VoteCount, saved.TrendingScore, saved.CreatedAt));
    }

    [Fact]
    public async Task The_author_follows_the_new_entry_and_every_moderator_hears_it_waits_for_triage()
    {
        var (first, second) = (await Given.AModerator(), await Given.AModerator());
        var bystander = await Given.AnAgent();
        var agent = await Given.AnAgent();
        var id = await Send(new SubmitEntry(Input((await Given.ATheme()).Id)), agent);

        Assert.True(await WithDb(db => db.Follows.AnyAsync(f => f.EntryId == id && f.UserId == agent.Id)));
        var told = (await NotificationsAsync(id, NotificationKind.AwaitingTriage)).Select(n => n.UserId).Order();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), told);
        Assert.DoesNotContain(bystander.Id, told);
    }

    [Theory]
    [InlineData("", "Title", "Validation.Required")]
    [InlineData("121", "Title", "Validation.MaxLength")]
    [InlineData("body", "Body", "Validation.MaxLength")]
    public async Task Bad_input_is_refused_and_nothing_is_saved(string what, string field, string key)
    {
        var theme = await Given.ATheme();
        var input = what switch
        {
            "" => Input(theme.Id, title: ""),
            "121" => Input(theme.Id, title: new string('a', 121)),
            _ => Input(theme.Id, body: new string('b', 20_001)),
        };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SubmitEntry(input), Given.AnAgent().Result));
        Assert.Contains(ex.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task Unknown_kind_theme_and_unit_are_refused_by_field()
    {
        var agent = await Given.AnAgent();
        var theme = await Given.ATheme();

        var kind = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SubmitEntry(Input(theme.Id) with { Kind = (EntryKind)42 }), agent));
        Assert.Contains(kind.Errors, e => e.Field == "Kind");
        var unknownTheme = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SubmitEntry(Input(99_999)), agent));
        Assert.Contains(unknownTheme.Errors, e => e.Field == "ThemeIds" && e.MessageKey == "Validation.UnknownTheme");
        var unit = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SubmitEntry(Input(theme.Id, unitId: 99_999)), agent));
        Assert.Contains(unit.Errors, e => e.Field == "UnitId" && e.MessageKey == "Validation.UnknownUnit");
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
    }
}

[Collection(Pages.Name)]
public sealed class SubmitEntryPageTests(AppFixture app) : AppTest(app)
{
    private async Task<Dictionary<string, string>> ValidForm(string title) => new()
    {
        ["Input.Kind"] = "Difficulty",
        ["Input.SimilarChecked"] = "true",
        ["Input.Title"] = title,
        ["Input.Body"] = "Chaque mois, **trois** formulaires.\n\n- perte de temps\n- erreurs",
        ["Input.ThemeIds"] = (await Given.ATheme()).Id.ToString(),
    };

    [Fact]
    public async Task An_agent_submits_an_entry_and_finds_it_in_the_list_on_its_page_and_among_their_own()
    {
        var agent = await Given.AnAgent();
        var client = await SignInAsync(agent);
        var id = AppClient.RedirectedId(await client.PostForm("/Entries/New", "form.entry-form", await ValidForm("Les demandes de badge passent par le courrier interne")));

        var (page, document) = await client.Get($"/Entries/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Les demandes de badge passent par le courrier interne", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("trois", document.QuerySelector(".entry-body strong")!.TextContent);
        Assert.Contains($"Par {agent.DisplayName}", document.QuerySelector(".entry-facts")!.TextContent);
        Assert.Equal("Merci ! Votre contribution est enregistrée.", document.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("Soumise", document.QuerySelector(".badge.status")!.TextContent);

        var (_, list) = await client.Get("/Entries?sort=Newest&kind=Difficulty");
        Assert.Contains(list.QuerySelectorAll(".entry-title a"), a => a.GetAttribute("href") == $"/Entries/{id}");
        var (_, mine) = await client.Get("/Entries/Mine");
        Assert.Contains(mine.QuerySelectorAll(".entry-title a"), a => a.GetAttribute("href") == $"/Entries/{id}");
    }

    [Theory]
    [InlineData("Input.Title", "", "title-error", "Ce champ est obligatoire.")]
    [InlineData("Input.Title", "121", "title-error", "120 caractères au maximum.")]
    [InlineData("Input.Body", "20001", "body-error", "20 000 caractères au maximum.")]
    [InlineData("Input.Body", "nested", "body-error", "Le texte contient des éléments imbriqués trop profondément (plus de 32 niveaux). Simplifiez la mise en forme.")]
    [InlineData("Input.Kind", "Banana", "kind-error", "Choisissez un type : idée, difficulté ou initiative.")]
    [InlineData("Input.ThemeIds", "99999", "themes-error", "Ce thème n'existe pas.")]
    [InlineData("Input.UnitId", "99999", "unit-error", "Ce service n'existe pas.")]
    [InlineData("Input.HideAuthorName", "true", "unit-error", "Choisissez le service concerné : une contribution anonyme ne prend pas votre service par défaut.")]
    public async Task Bad_input_comes_back_with_the_message_next_to_the_field_and_nothing_is_saved(string field, string value, string errorId, string message)
    {
        var client = await SignInAsync(await Given.AnAgent());
        var form = await ValidForm("Un titre correct");
        form[field] = value switch
        {
            "121" => new string('t', 121),
            "20001" => new string('b', 20_001),
            "nested" => new string('>', 2_000) + " trop profond",
            _ => value,
        };
        var response = await client.PostForm("/Entries/New", "form.entry-form", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await AppClient.Html(response);
        static string Spaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Equal(message, Spaces(AppClient.FieldError(document, errorId)));
        Assert.NotNull(document.QuerySelector(".error-summary a"));
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task Browser_line_breaks_are_stored_as_newlines_and_pages_stay_valid_html()
    {
        var client = await SignInAsync(await Given.AnAgent());
        var form = await ValidForm("Deux lignes");
        form["Input.Body"] = "Première ligne.\r\nDeuxième ligne.";
        var id = AppClient.RedirectedId(await client.PostForm("/Entries/New", "form.entry-form", form));
        Assert.Equal("Première ligne.\nDeuxième ligne.", (await EntryAsync(id)).Body);

        await client.PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "Un\r\ndeux" });
        Assert.Equal("Un\ndeux", await WithDb(db => db.Comments.Where(c => c.EntryId == id).Select(c => c.Body).SingleAsync()));
        Assert.DoesNotContain("&#xD;", await client.Http.GetStringAsync($"/Entries/{id}/Edit"));
    }
}
