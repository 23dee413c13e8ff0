using System.Net;
using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Http;

/// <summary>The participation loop as a user drives it: pages, forms with antiforgery tokens, redirects.</summary>
public sealed class EntryPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<Dictionary<string, string>> ValidForm(string title)
    {
        var themeId = await app.WithDb(db => db.Themes.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync());
        return new()
        {
            ["Input.Kind"] = "Difficulty",
            ["Input.SimilarChecked"] = "true",
            ["Input.Title"] = title,
            ["Input.Body"] = "Chaque mois, **trois** formulaires.\n\n- perte de temps\n- erreurs",
            ["Input.ThemeIds"] = themeId.ToString(),
        };
    }

    private async Task<int> Submit(AppClient client, string title)
    {
        var response = await client.PostForm("/Entries/New", "form.entry-form", await ValidForm(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Entries")]
    [InlineData("/Entries/New")]
    [InlineData("/Entries/1")]
    [InlineData("/Entries/Mine")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var response = await AppClient.Anonymous(app).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData("/Account/Login", "Connexion")]
    [InlineData("/Privacy", "Vie privée")]
    [InlineData("/Accessibility", "Déclaration d'accessibilité")]
    public async Task Login_privacy_and_accessibility_are_open_to_anonymous_visitors_in_French(string url, string heading)
    {
        var (response, document) = await AppClient.Anonymous(app).Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("fr-BE", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_accessibility_statement_gives_the_configured_contact_and_the_enforcement_procedure()
    {
        var (_, document) = await AppClient.Anonymous(app).Get("/Accessibility");
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "mailto:accessibilite@ideabox.example");
        Assert.Contains("Médiateur", document.QuerySelector("main")!.TextContent);
        Assert.Contains("WCAG 2.1", document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_next_to_the_field()
    {
        var client = AppClient.Anonymous(app);
        var response = await client.PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = TestApp.Expert, ["Input.Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", AppClient.FieldError(await AppClient.Html(response), "password-error"));
    }

    [Fact]
    public async Task An_agent_submits_an_entry_and_finds_it_in_the_list_and_on_its_page()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(client, "Les demandes de badge passent par le courrier interne");

        var (page, document) = await client.Get($"/Entries/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Les demandes de badge passent par le courrier interne", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("trois", document.QuerySelector(".entry-body strong")!.TextContent);
        Assert.Contains("Par Camille Dubois", document.QuerySelector(".entry-facts")!.TextContent);
        Assert.Equal("Merci ! Votre contribution est enregistrée.", document.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("Soumise", document.QuerySelector(".badge.status")!.TextContent);

        var (_, list) = await client.Get("/Entries?sort=Newest&kind=Difficulty");
        Assert.Contains(list.QuerySelectorAll(".entry-title a"), a => a.GetAttribute("href") == $"/Entries/{id}");

        var (_, mine) = await client.Get("/Entries/Mine");
        Assert.Contains(mine.QuerySelectorAll(".entry-title a"), a => a.GetAttribute("href") == $"/Entries/{id}");
    }

    [Fact]
    public async Task Other_agents_see_a_hidden_name_as_agent_anonyme()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var form = await ValidForm("Un sujet délicat dans notre service");
        form["Input.HideAuthorName"] = "true";
        var response = await author.PostForm("/Entries/New", "form.entry-form", form);
        var id = response.Headers.Location!.OriginalString.Split('/').Last();

        var (_, asExpert) = await (await AppClient.SignedIn(app, TestApp.Expert)).Get($"/Entries/{id}");
        Assert.Contains("Par agent anonyme", asExpert.QuerySelector(".entry-facts")!.TextContent);
        Assert.DoesNotContain("Camille Dubois", asExpert.Body!.TextContent.Replace(asExpert.QuerySelector(".site-header")!.TextContent, ""));
        var (_, asModerator) = await (await AppClient.SignedIn(app, TestApp.Moderator)).Get($"/Entries/{id}");
        Assert.Contains("Par Camille Dubois", asModerator.QuerySelector(".entry-facts")!.TextContent);
    }

    [Theory]
    [InlineData("Input.Title", "", "title-error", "Ce champ est obligatoire.")]
    [InlineData("Input.Title", "121", "title-error", "120 caractères au maximum.")]
    [InlineData("Input.Body", "20001", "body-error", "20\u202F000 caractères au maximum.")]
    [InlineData("Input.Body", "nested", "body-error", "Le texte contient des éléments imbriqués trop profondément (plus de 32 niveaux). Simplifiez la mise en forme.")]
    [InlineData("Input.Kind", "Banana", "kind-error", "Choisissez un type : idée, difficulté ou initiative.")]
    [InlineData("Input.ThemeIds", "99999", "themes-error", "Ce thème n'existe pas.")]
    [InlineData("Input.UnitId", "99999", "unit-error", "Ce service n'existe pas.")]
    public async Task Bad_input_comes_back_with_the_message_next_to_the_field_and_nothing_is_saved(string field, string value, string errorId, string message)
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var form = await ValidForm("Un titre correct");
        form[field] = value switch
        {
            "121" => new string('t', 121),
            "20001" => new string('b', 20_001),
            "nested" => new string('>', 2_000) + " trop profond",
            _ => value,
        };
        var before = await app.WithDb(db => db.Entries.CountAsync());
        var response = await client.PostForm("/Entries/New", "form.entry-form", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await AppClient.Html(response);
        Assert.Equal(message.Replace('\u202F', ' ').Replace('\u00A0', ' '), AppClient.FieldError(document, errorId).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.NotNull(document.QuerySelector(".error-summary a"));
        Assert.Equal(before, await app.WithDb(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task The_author_edits_their_entry_while_it_is_submitted()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(client, "Titre à corriger");
        var form = await ValidForm("Titre corrigé par l'auteur");
        var response = await client.PostForm($"/Entries/{id}/Edit", "form.entry-form", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Titre corrigé par l'auteur", await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task Editing_someone_elses_entry_is_forbidden_and_changes_nothing()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(author, "Mon entrée à moi");
        var intruder = await AppClient.SignedIn(app, TestApp.Expert);

        var (get, _) = await intruder.Get($"/Entries/{id}/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);

        // Post with a token taken from a page the intruder may open.
        var post = await intruder.PostWithToken("/Entries/New", "form.entry-form", $"/Entries/{id}/Edit", await ValidForm("Piraté"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Accès refusé", (await AppClient.Html(post)).QuerySelector("h1")!.TextContent);
        Assert.Equal("Mon entrée à moi", await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_entry_is_a_French_404_page()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var (response, document) = await client.Get("/Entries/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", document.QuerySelector("h1")!.TextContent);
        var (missing, _) = await client.Get("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_post_requires_the_antiforgery_token()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(client, "Entrée pour le jeton");
        var fields = await ValidForm("Sans jeton");
        var before = await app.WithDb(db => db.Entries.CountAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync("/Entries/New", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/Entries/{id}?handler=Vote", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/Entries/{id}?handler=Comment", new FormUrlEncodedContent([new("Comment.Body", "x")]))).StatusCode);
        Assert.Equal(before, await app.WithDb(db => db.Entries.CountAsync()));
        Assert.Equal(0, await app.WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
    }

    [Fact]
    public async Task An_agent_votes_withdraws_comments_and_replies()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(author, "Les délais de paiement découragent les fournisseurs");
        var voter = await AppClient.SignedIn(app, TestApp.Expert);
        var url = $"/Entries/{id}";

        var (_, before) = await voter.Get(url);
        Assert.Equal("Moi aussi", before.QuerySelector("button.vote")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostForm(url, "form[action*=Vote]:not([action*=Unvote])", [])).StatusCode);
        var (_, voted) = await voter.Get(url);
        Assert.Equal("1 vote", voted.QuerySelector(".vote-count")!.TextContent.Trim());
        Assert.Equal("Votre vote est enregistré.", voted.QuerySelector(".status-message")!.TextContent);
        Assert.NotNull(voted.QuerySelector("form[action*=Unvote]"));

        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostForm(url, "form[action*=Unvote]", [])).StatusCode);
        var (_, withdrawn) = await voter.Get(url);
        Assert.Equal("0 vote", withdrawn.QuerySelector(".vote-count")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));

        var comment = await voter.PostForm(url, "form.comment-form", new() { ["Comment.Body"] = "Même constat *chez nous*." });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        var (_, commented) = await author.Get(url);
        Assert.Equal("chez nous", commented.QuerySelector(".comment-body em")!.TextContent);

        var reply = await author.PostForm(url, "details.reply form", new() { ["Comment.Body"] = "Merci pour le retour" });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var (_, replied) = await author.Get(url);
        Assert.Equal("Merci pour le retour", replied.QuerySelector(".reply-list .comment-body")!.TextContent.Trim());
        Assert.Equal("2 commentaires", replied.QuerySelector("#comments-title")!.TextContent);
    }

    [Fact]
    public async Task An_empty_comment_comes_back_with_a_message_and_nothing_is_saved()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(client, "Entrée à commenter");
        var response = await client.PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(await AppClient.Html(response), "comment-error"));
        Assert.Equal(0, await app.WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
    }

    [Fact]
    public async Task Editing_someone_elses_comment_is_forbidden_and_changes_nothing()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(author, "Entrée avec un commentaire");
        await author.PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "Texte original" });
        var commentId = await app.WithDb(db => db.Comments.Where(c => c.EntryId == id).Select(c => c.Id).SingleAsync());

        var (_, own) = await author.Get($"/Comments/{commentId}/Edit");
        Assert.Equal("Texte original", own.QuerySelector("textarea")!.TextContent);

        var intruder = await AppClient.SignedIn(app, TestApp.Expert);
        var (get, _) = await intruder.Get($"/Comments/{commentId}/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        var post = await intruder.PostWithToken($"/Entries/{id}", "form.comment-form", $"/Comments/{commentId}/Edit", [new("Body", "Piraté")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Texte original", await app.WithDb(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_vote_on_a_closed_entry_is_refused_with_a_message()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(author, "Entrée bientôt déclinée");
        var voter = await AppClient.SignedIn(app, TestApp.Expert);
        var token = AppClient.Token((await voter.Get($"/Entries/{id}")).Document, "form[action*=Vote]");
        await app.WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Declined)));

        var response = await voter.PostWithToken(token, $"/Entries/{id}?handler=Vote");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("elle ne reçoit plus de votes", (await AppClient.Html(response)).QuerySelector(".status-message")!.TextContent);
        Assert.Equal(0, await app.WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
    }

    [Fact]
    public async Task Twenty_parallel_vote_requests_leave_one_vote()
    {
        var author = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await Submit(author, "Entrée très populaire");
        var voter = await AppClient.SignedIn(app, TestApp.Moderator);
        var token = AppClient.Token((await voter.Get($"/Entries/{id}")).Document, "form[action*=Vote]");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => voter.PostWithToken(token, $"/Entries/{id}?handler=Vote")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
        Assert.Equal(1, await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.VoteCount).SingleAsync()));
    }

    [Fact]
    public async Task The_language_switch_remembers_English()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var response = await client.PostForm("/Entries", "form.language", new() { ["culture"] = "en-GB" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, document) = await client.Get("/Entries");
        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("All contributions", document.QuerySelector("h1")!.TextContent);

        // Back to French: the choice is also stored in the account, and the other tests sign in as this agent.
        await client.PostForm("/Entries", "form.language", new() { ["culture"] = "fr-BE" });
        Assert.Equal("fr-BE", await app.WithDb(db => db.Users.Where(u => u.Email == TestApp.Agent).Select(u => u.Culture).SingleAsync()));
    }
}

public sealed class StaticAssetTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_stylesheet_is_served_to_anonymous_visitors()
    {
        var (_, login) = await AppClient.Anonymous(app).Get("/Account/Login");
        var href = login.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var response = await AppClient.Anonymous(app).Http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("--brand", await response.Content.ReadAsStringAsync());
    }
}
