using System.Net;
using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Http;

/// <summary>Moderation, plan, notification and administration pages as their users drive them.</summary>
public sealed class ModerationPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Admin = "admin@ideabox.demo";

    private async Task<int> SubmitAsync(AppClient client, string title, string kind = "Difficulty")
    {
        var themeId = await app.WithDb(db => db.Themes.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync());
        var response = await client.PostForm("/Entries/New", "form.entry-form", new()
        {
            ["Input.Kind"] = kind, ["Input.Title"] = title, ["Input.Body"] = "Un constat.", ["Input.ThemeIds"] = themeId.ToString(),
            ["Input.SimilarChecked"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<EntryStatus> StatusOf(int id) => app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    private Task SetStatus(int id, EntryStatus status) =>
        app.WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status)));

    [Theory]
    [InlineData("/Moderation")]
    [InlineData("/Moderation/Import")]
    [InlineData("/Moderation/Log")]
    [InlineData("/Entries/1/Moderate")]
    [InlineData("/Plan/Nodes/New?level=Axis")]
    [InlineData("/Plan/Nodes/1/Edit")]
    [InlineData("/Admin")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Themes")]
    [InlineData("/Admin/Units")]
    [InlineData("/Expert")]
    public async Task An_agent_is_refused_the_pages_of_other_roles_with_a_french_403(string url)
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var (response, document) = await agent.Get(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_forged_moderation_post_from_an_agent_is_refused_and_changes_nothing()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await SubmitAsync(agent, "Une contribution que l'agent voudrait accepter");
        var response = await agent.PostWithToken("/Entries/New", "form.entry-form", $"/Entries/{id}/Moderate?handler=Status",
            [new("StatusForm.To", "UnderReview")]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var bulk = await agent.PostWithToken("/Entries/New", "form.entry-form", "/Moderation?handler=Review", [new("Selected", id.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);
        Assert.Equal(EntryStatus.Submitted, await StatusOf(id));

        // The plan page is open to everyone, its reordering is not.
        var axes = await app.WithDb(db => db.PlanNodes.Where(n => n.ParentId == null).OrderBy(n => n.Position).Select(n => n.Id).ToListAsync());
        var move = await agent.PostWithToken("/Entries/New", "form.entry-form", $"/Plan?handler=Move&id={axes[1]}&direction=Up", []);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(axes, await app.WithDb(db => db.PlanNodes.Where(n => n.ParentId == null).OrderBy(n => n.Position).Select(n => n.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_moderator_takes_entries_under_review_from_the_queue()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await SubmitAsync(agent, "Le réseau wifi décroche l'après-midi");
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);
        var (_, queue) = await moderator.Get("/Moderation?p=99");
        Assert.Contains(queue.QuerySelectorAll("table.data a"), a => a.TextContent == "Le réseau wifi décroche l'après-midi");

        var response = await moderator.PostForm("/Moderation?p=99", "form[action*=Review]", new() { ["Selected"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EntryStatus.UnderReview, await StatusOf(id));

        var empty = await moderator.PostForm("/Moderation?p=99", "form[action*=Review]", new());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Cochez au moins une contribution", (await AppClient.Html(empty)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Declining_without_a_reason_comes_back_with_the_message_next_to_the_reason_and_a_refused_move_is_a_409()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var id = await SubmitAsync(agent, "Les congés se demandent sur papier");
        await SetStatus(id, EntryStatus.UnderReview);
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);

        var response = await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Status]", new() { ["StatusForm.To"] = "Declined", ["StatusForm.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Indiquez un motif : il sera montré à l'auteur.", AppClient.FieldError(await AppClient.Html(response), "status-reason-error"));
        Assert.Equal(EntryStatus.UnderReview, await StatusOf(id));

        var (_, page) = await moderator.Get($"/Entries/{id}/Moderate");
        var forged = await moderator.PostWithToken(AppClient.Token(page, "form[action*=Status]"), $"/Entries/{id}/Moderate?handler=Status", [new("StatusForm.To", "Done")]);
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Contains("n'est pas possible", (await AppClient.Html(forged)).QuerySelector(".error-summary")!.TextContent);

        var declined = await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Status]", new() { ["StatusForm.To"] = "Declined", ["StatusForm.Reason"] = "Déjà dématérialisé en 2027." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, entryPage) = await agent.Get($"/Entries/{id}");
        Assert.Contains("Déjà dématérialisé en 2027.", entryPage.QuerySelector(".status-reason")!.TextContent);
        Assert.Equal("Non retenue", entryPage.QuerySelector(".badge.status")!.TextContent);
    }

    [Fact]
    public async Task After_a_merge_the_source_page_redirects_and_the_target_shows_its_discussion_under_a_banner()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var source = await SubmitAsync(agent, "Badge perdu : trois semaines d'attente");
        var target = await SubmitAsync(agent, "Remplacer un badge prend trop de temps");
        await agent.PostForm($"/Entries/{source}", "form.comment-form", new() { ["Comment.Body"] = "Pareil au service courrier." });
        await SetStatus(source, EntryStatus.UnderReview);
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);

        var (_, search) = await moderator.Get($"/Entries/{source}/Moderate?q=badge+temps");
        Assert.NotNull(search.GetElementById($"target-{target}"));
        var merged = await moderator.PostForm($"/Entries/{source}/Moderate?q=badge+temps", "form[action*=Merge]", new() { ["MergeForm.TargetId"] = target.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var redirect = await agent.Http.GetAsync($"/Entries/{source}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith($"/Entries/{target}", redirect.Headers.Location!.OriginalString);
        var (_, targetPage) = await agent.Get($"/Entries/{target}");
        var banner = targetPage.GetElementById($"merged-{source}")!;
        Assert.Contains("Badge perdu", banner.TextContent);
        Assert.Contains("Pareil au service courrier.", banner.ParentElement!.TextContent);
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_the_page_marks_them_read()
    {
        var author = await AppClient.SignedIn(app, "agent@ideabox.demo");
        var id = await SubmitAsync(author, "Les formulaires RH changent sans prévenir");
        await app.WithDb(db => db.Notifications.Where(n => n.ReadAt == null && db.Users.Any(u => u.Id == n.UserId && u.Email == TestApp.Agent))
            .ExecuteUpdateAsync(x => x.SetProperty(n => n.ReadAt, DateTime.UtcNow)));
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);
        await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Status]", new() { ["StatusForm.To"] = "UnderReview" });

        var (_, page) = await author.Get("/Notifications");
        Assert.Equal("1 notification non lue", string.Join(" ", page.QuerySelector(".bell .count")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("« Les formulaires RH changent sans prévenir » est passée au statut « En examen ».",
            page.QuerySelectorAll(".notification-list li p").Select(p => p.TextContent.Trim()));

        var read = await author.PostForm("/Notifications", "form[action*=ReadAll]", new());
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var (_, after) = await author.Get("/Notifications");
        Assert.Null(after.QuerySelector(".bell .count"));
    }

    [Fact]
    public async Task The_import_page_previews_shows_errors_per_line_and_imports_on_confirmation()
    {
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);
        var theme = await app.WithDb(db => db.Themes.OrderBy(t => t.Id).Select(t => t.Name).FirstAsync());
        var bad = await moderator.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview",
            [new("Csv", $"type;titre;description;thèmes;origine\nBanane;Titre;Texte;{theme};Audit interne\n")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await AppClient.Html(bad);
        Assert.Contains("type : Choisissez", badPage.QuerySelector("table.data tbody")!.TextContent.Replace("\u00A0", " "));
        Assert.Null(badPage.QuerySelector("form[action*=handler\\=Import]"));

        var csv = $"type;titre;description;thèmes;origine;référence\nDifficulté;Les archives débordent;Plus de place.;{theme};Note d'information de service;NIS-77\n";
        var preview = await moderator.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Entries.CountAsync(e => e.OriginReference == "NIS-77")));
        var previewPage = await AppClient.Html(preview);
        var confirm = await moderator.PostWithToken(AppClient.Token(previewPage, "form[action*=Import]"), "/Moderation/Import?handler=Import", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.Entries.CountAsync(e => e.OriginReference == "NIS-77" && e.Origin == EntryOrigin.ServiceInformationNote)));
    }

    [Fact]
    public async Task Everyone_reads_the_plan_and_a_bad_weight_is_named_next_to_its_field()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var (response, plan) = await agent.Get("/Plan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A1", plan.QuerySelector(".plan-node .code")!.TextContent);
        Assert.Empty(plan.QuerySelectorAll("form[action*=Move]"));
        var projectLink = plan.QuerySelector(".level-project a")!.GetAttribute("href")!;
        var (projectResponse, project) = await agent.Get(projectLink);
        Assert.Equal(HttpStatusCode.OK, projectResponse.StatusCode);
        Assert.StartsWith("P1.", project.QuerySelector("h1 .code")!.TextContent);

        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);
        var badWeight = await moderator.PostForm("/Plan/Nodes/New?level=Axis", "main form", new() { ["Input.Title"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, badWeight.StatusCode);
        var objective = await app.WithDb(db => db.PlanNodes.Where(n => n.Level == PlanLevel.Axis).Select(n => n.Id).FirstAsync());
        var weight = await moderator.PostForm($"/Plan/Nodes/New?level=StrategicObjective&parent={objective}", "main form", new() { ["Input.Title"] = "Nouvel objectif", ["Input.Weight"] = "beaucoup" });
        Assert.Equal(HttpStatusCode.BadRequest, weight.StatusCode);
        Assert.Equal("Le poids est un nombre strictement positif, au plus 100.", AppClient.FieldError(await AppClient.Html(weight), "weight-error"));
        var ok = await moderator.PostForm($"/Plan/Nodes/New?level=StrategicObjective&parent={objective}", "main form", new() { ["Input.Title"] = "Nouvel objectif", ["Input.Weight"] = "1,5" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1.5, await app.WithDb(db => db.PlanNodes.Where(n => n.Title == "Nouvel objectif").Select(n => n.Weight).SingleAsync()));
    }

    [Fact]
    public async Task An_expert_cannot_open_a_request_made_to_someone_else()
    {
        var other = await app.WithDb(db => db.ExpertRequests.Where(r => r.Expert!.Email != TestApp.Expert).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        var mine = await app.WithDb(db => db.ExpertRequests.Where(r => r.Expert!.Email == TestApp.Expert).Select(r => r.Id).FirstAsync());
        var expert = await AppClient.SignedIn(app, TestApp.Expert);
        Assert.Equal(HttpStatusCode.OK, (await expert.Get($"/Expert/{mine}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Get($"/Expert/{other ?? 999_999}")).Response.StatusCode);
    }

    [Fact]
    public async Task A_moderator_records_an_entry_from_an_audit_and_an_agent_cannot()
    {
        var theme = await app.WithDb(db => db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        Dictionary<string, string> Form(string title) => new()
        {
            ["Input.Kind"] = "Difficulty", ["Input.Title"] = title, ["Input.Body"] = "Constat.", ["Input.ThemeIds"] = theme.ToString(),
            ["Input.Origin"] = "InternalAudit", ["Input.OriginReference"] = "AUD-9",
        };
        var moderator = await AppClient.SignedIn(app, TestApp.Moderator);
        var (_, form) = await moderator.Get("/Entries/New?record=true");
        Assert.NotNull(form.GetElementById("Input_Origin"));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostForm("/Entries/New?record=true", "form.entry-form", Form("Constat d'audit enregistré"))).StatusCode);
        Assert.Equal((EntryOrigin.InternalAudit, "AUD-9"), await app.WithDb(db => db.Entries.Where(e => e.Title == "Constat d'audit enregistré")
            .Select(e => new ValueTuple<EntryOrigin, string?>(e.Origin, e.OriginReference)).SingleAsync()));

        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var (_, agentForm) = await agent.Get("/Entries/New?record=true");
        Assert.Null(agentForm.GetElementById("Input_Origin"));
        await agent.PostForm("/Entries/New?record=true", "form.entry-form", Form("Tentative d'un agent"));
        Assert.Equal(EntryOrigin.Agent, await app.WithDb(db => db.Entries.Where(e => e.Title == "Tentative d'un agent").Select(e => e.Origin).SingleAsync()));
    }

    [Fact]
    public async Task The_weekly_digest_can_be_turned_off_in_the_settings()
    {
        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        var response = await agent.PostForm("/Settings", "main form", new() { ["WeeklyDigest"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Email == TestApp.Agent).Select(u => u.DigestOptOut).SingleAsync()));
        var (_, page) = await agent.Get("/Settings");
        Assert.False(page.GetElementById("WeeklyDigest")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task An_administrator_changes_a_users_roles_from_the_users_page()
    {
        var target = await app.WithDb(db => db.Users.Where(u => u.Email!.EndsWith("@ideabox.demo") && !u.Email.Contains("agent@")).OrderByDescending(u => u.Id).Select(u => new { u.Id, u.Email }).FirstAsync());
        var admin = await AppClient.SignedIn(app, Admin);
        var response = await admin.PostForm($"/Admin/Users?q={Uri.EscapeDataString(target.Email!)}", $"#user-{target.Id} form", new() { ["roles"] = "Leadership" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.Get($"/Admin/Users?q={Uri.EscapeDataString(target.Email!)}");
        Assert.True(page.GetElementById($"role-{target.Id}-Leadership")!.HasAttribute("checked"));
    }
}
