namespace IdeaBox.Tests.Infrastructure;

/// <summary>What a visitor who is not signed in gets: the login wall, and the few pages open to all, in French.</summary>
[Collection(Pages.Name)]
public sealed class PublicPagesTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Entries")]
    [InlineData("/Entries/New")]
    [InlineData("/Entries/1")]
    [InlineData("/Entries/Mine")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var response = await App.Anonymous().Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/Account/Login", "Connexion")]
    [InlineData("/Privacy", "Vie privée")]
    [InlineData("/Accessibility", "Déclaration d'accessibilité")]
    public async Task Login_privacy_and_accessibility_are_open_to_anonymous_visitors_in_French(string url, string heading)
    {
        var (response, document) = await App.Anonymous().Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("fr-BE", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("English", document.QuerySelector("form.language button")!.TextContent);
    }

    [Fact]
    public async Task The_accessibility_statement_gives_the_configured_contact_and_the_enforcement_procedure()
    {
        var (_, document) = await App.Anonymous().Get("/Accessibility");
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "mailto:accessibilite@ideabox.example");
        Assert.Contains("Médiateur", document.QuerySelector("main")!.TextContent);
        Assert.Contains("WCAG 2.1", document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_stylesheet_is_served_to_anonymous_visitors()
    {
        var (_, login) = await App.Anonymous().Get("/Account/Login");
        var response = await App.Anonymous().Http.GetAsync(login.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("--brand", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_post_requires_the_antiforgery_token_and_nothing_is_saved_without_it()
    {
        var agent = await Given.AnAgent();
        var client = await SignInAsync(agent);
        var id = await Given.AnEntry();
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Difficulty", ["Input.Title"] = "Sans jeton", ["Input.Body"] = "Texte.",
            ["Input.ThemeIds"] = (await Given.ATheme()).Id.ToString(), ["Input.SimilarChecked"] = "true",
        };

        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync("/Entries/New", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/Entries/{id}?handler=Vote", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/Entries/{id}?handler=Comment", new FormUrlEncodedContent([new("Comment.Body", "x")]))).StatusCode);
        Assert.Equal(1, await WithDb(db => db.Entries.CountAsync()));
        Assert.Equal(0, await WithDb(async db => await db.Votes.CountAsync() + await db.Comments.CountAsync()));
    }

    [Fact]
    public async Task The_health_checks_answer_without_signing_in()
    {
        var http = App.Anonymous().Http;
        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_node_whose_database_lacks_a_migration_is_alive_but_not_ready()
    {
        // As after deploying a new release before running "migrate".
        await WithDb(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)"));
        var http = App.Anonymous().Http;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }
}
