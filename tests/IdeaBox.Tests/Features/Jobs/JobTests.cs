using System.Text.Json;
using IdeaBox.Web.Features.Jobs;

namespace IdeaBox.Tests.Features.Jobs;

/// <summary>
/// Long work runs as a background job: the page that starts it sends its author to a progress page (a
/// progress element and a refresh button, no script needed), which then shows what came out.
/// </summary>
[Collection(Pages.Name)]
public sealed class JobTests(AppFixture app) : AppTest(app)
{
    private JobRunner Runner => App.Service<JobRunner>();

    private static string Csv(string theme, int lines) =>
        "type;titre;description;thèmes;origine\n"
        + string.Concat(Enumerable.Range(1, lines).Select(i => $"Idée;Idée importée numéro {i};Le texte {i}.;{theme};Audit interne\n"));

    private async Task<(AppClient Client, string JobUrl)> AnImportQueuedBy(TestUser moderator, string csv)
    {
        var client = await SignInAsync(moderator);
        var preview = await client.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var confirm = await client.PostWithToken(AppClient.Token(await AppClient.Html(preview), "form[action*=Import]"),
            "/Moderation/Import?handler=Import", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        return (client, confirm.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_import_shows_its_progress_then_its_outcome_to_its_author_only()
    {
        var theme = await Given.ATheme("Archives");
        var moderator = await Given.AModerator();
        var (client, url) = await AnImportQueuedBy(moderator, Csv(theme.Name, 3));

        // Queued: the page says so, offers a refresh that needs no script, and nothing is imported yet.
        var (response, waiting) = await client.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Import de contributions", waiting.QuerySelector("h1")!.TextContent);
        Assert.Equal("En attente de démarrage…", waiting.QuerySelector("#job-step[role=status]")!.TextContent);
        Assert.NotNull(waiting.QuerySelector("progress#job-progress"));
        Assert.Equal(url, waiting.QuerySelector(".job a.button")!.GetAttribute("href"));
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
        var status = JsonDocument.Parse(await client.Http.GetStringAsync(url + "?handler=Status")).RootElement;
        Assert.Equal(("Queued", false), (status.GetProperty("state").GetString(), status.GetProperty("finished").GetBoolean()));

        // Someone else, even an administrator, cannot see it or its status.
        var other = await SignInAsync(await Given.AnAdministrator());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url + "?handler=Status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Jobs/{Guid.NewGuid()}")).StatusCode);

        Assert.Equal(1, await Runner.RunPendingAsync(CancellationToken.None));
        Assert.Equal(3, await WithDb(db => db.Entries.CountAsync(e => e.Origin == EntryOrigin.InternalAudit)));
        var done = (await client.Get(url)).Document;
        Assert.Equal("Terminé.", done.QuerySelector("#job-step")!.TextContent);
        Assert.Null(done.QuerySelector("progress"));
        Assert.Equal("3 contributions importées ; elles attendent dans la file de tri.", done.QuerySelector(".job-outcome")!.TextContent);
        Assert.Equal("/Moderation", done.QuerySelector(".job .actions a")!.GetAttribute("href"));
        var job = await WithDb(db => db.Jobs.SingleAsync());
        Assert.Equal((JobState.Succeeded, moderator.Id, "Job.Step.Entries", 3), (job.State, job.OwnerId, job.Step, job.Total));
    }

    [Fact]
    public async Task A_job_runs_once_with_the_roles_its_author_holds_when_it_runs()
    {
        var theme = await Given.ATheme("Archives");
        var moderator = await Given.AModerator();
        var (client, url) = await AnImportQueuedBy(moderator, Csv(theme.Name, 2));
        // Two nodes' runners race for the same job: one claims it.
        var ran = await Task.WhenAll(Runner.RunPendingAsync(CancellationToken.None), Runner.RunPendingAsync(CancellationToken.None));
        Assert.Equal(1, ran.Sum());
        Assert.Equal(2, await WithDb(db => db.Entries.CountAsync()));

        // Queued, then the author loses the moderator role: the job is refused, nothing is imported.
        var (_, second) = await AnImportQueuedBy(moderator, Csv(theme.Name, 4));
        await WithDb(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Moderator);
            return await db.UserRoles.Where(ur => ur.UserId == moderator.Id && ur.RoleId == role.Id).ExecuteDeleteAsync();
        });
        await Runner.RunPendingAsync(CancellationToken.None);
        Assert.Equal(2, await WithDb(db => db.Entries.CountAsync()));
        var failed = (await client.Get(second)).Document;
        Assert.Equal("Le travail n'a pas abouti.", failed.QuerySelector("#job-step")!.TextContent);
        Assert.Equal("Vous n'avez plus le droit de faire ce travail : rien n'a été enregistré.", failed.QuerySelector(".job .field-error")!.TextContent);
    }

    [Fact]
    public async Task A_large_export_is_written_by_a_job_and_downloaded_by_its_author()
    {
        App.Options<JobOptions>().DirectExportRows = 2;
        var unit = await Given.AUnit("Service des achats");
        foreach (var title in new[] { "Premier", "Deuxième", "Troisième" }) await Given.AnEntry(title: $"Le bon de commande {title}", unit: unit);
        var leader = await Given.ALeader();
        var client = await SignInAsync(leader);

        var started = await client.Http.GetAsync("/Entries?handler=Export&format=Csv&sort=Newest");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        Assert.Equal("Export des contributions", (await client.Get(url)).Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url + "?handler=Download")).StatusCode);

        await Runner.RunPendingAsync(CancellationToken.None);
        var page = (await client.Get(url)).Document;
        Assert.Equal("3 lignes écrites.", page.QuerySelector(".job-outcome")!.TextContent);
        var link = page.QuerySelector(".job a[download]")!;
        Assert.StartsWith("Télécharger ideabox-contributions-", link.TextContent);
        var rows = await Downloads.Csv(await client.Http.GetAsync(link.GetAttribute("href")));
        Assert.Equal(["Numéro", "Le bon de commande Troisième", "Le bon de commande Deuxième", "Le bon de commande Premier"], rows.Select(r => r[r == rows[0] ? 0 : 2]));
        Assert.Equal(1, await WithDb(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.ExportDownloaded && e.UserId == leader.Id)));
        var other = await SignInAsync(await Given.ALeader());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url + "?handler=Download")).StatusCode);

        // Under the threshold, the file comes at once as before.
        App.Options<JobOptions>().DirectExportRows = 10;
        Assert.Equal(4, (await Downloads.Csv(await client.Http.GetAsync("/Entries?handler=Export&format=Csv"))).Count);
    }

    [Fact]
    public async Task Each_person_finds_their_own_exports_and_imports_of_the_last_day_and_no_one_else_s()
    {
        App.Options<JobOptions>().DirectExportRows = 1;
        var theme = await Given.ATheme("Archives");
        foreach (var title in new[] { "Premier", "Deuxième" }) await Given.AnEntry(title: $"Le formulaire {title}");
        var moderator = await Given.AModerator();
        var (client, import) = await AnImportQueuedBy(moderator, Csv(theme.Name, 2));

        var (_, empty) = await (await SignInAsync(await Given.ALeader())).Get("/Jobs");
        Assert.Equal("Vous n'avez lancé aucun export ni import depuis un jour.", empty.QuerySelector("main h1 ~ p:last-of-type")!.TextContent);
        Assert.Null(empty.QuerySelector("table"));

        // An import, queued; the job's own page leads here.
        var (_, job) = await client.Get(import);
        Assert.Equal("/Jobs", job.QuerySelector(".job a[href='/Jobs']")?.GetAttribute("href"));
        var (_, list) = await client.Get("/Jobs");
        var row = Assert.Single(list.QuerySelectorAll("table.data tbody tr"));
        Assert.Equal(["Import de contributions", "En attente de démarrage…", ""], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Where((_, i) => i != 1));
        Assert.Equal(import, row.QuerySelector("a")!.GetAttribute("href"));

        // Then an export ten minutes later, run: newest first, with its file.
        Clock.Advance(TimeSpan.FromMinutes(10));
        var export = (await client.Http.GetAsync("/Entries?handler=Export&format=Csv")).Headers.Location!.OriginalString;
        await Runner.RunPendingAsync(CancellationToken.None);
        (_, list) = await client.Get("/Jobs");
        var rows = list.QuerySelectorAll("table.data tbody tr");
        Assert.Equal(["Export des contributions", "Import de contributions"], rows.Select(r => r.QuerySelector("td a")!.TextContent));
        Assert.Equal(["Terminé.", "Terminé."], rows.Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()));
        var download = rows[0].QuerySelector("a[download]")!;
        Assert.Equal(export + "?handler=Download", download.GetAttribute("href"));
        Assert.Equal("Numéro", (await Downloads.Csv(await client.Http.GetAsync(download.GetAttribute("href"))))[0][0]);
        Assert.Null(rows[1].QuerySelector("a[download]"));

        // Nobody else's jobs, and not without signing in.
        var (_, theirs) = await (await SignInAsync(await Given.AModerator())).Get("/Jobs");
        Assert.Empty(theirs.QuerySelectorAll("table.data tbody tr"));
        var anonymous = await App.Anonymous().Http.GetAsync("/Jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Too_many_unfinished_jobs_are_refused_next_to_the_field_and_stale_jobs_are_swept()
    {
        App.Options<JobOptions>().MaxUnfinishedPerUser = 1;
        var theme = await Given.ATheme("Archives");
        var moderator = await Given.AModerator();
        var (client, first) = await AnImportQueuedBy(moderator, Csv(theme.Name, 1));
        var preview = await client.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview", [new("Csv", Csv(theme.Name, 1))]);
        var refused = await client.PostWithToken(AppClient.Token(await AppClient.Html(preview), "form[action*=Import]"),
            "/Moderation/Import?handler=Import", [new("Csv", Csv(theme.Name, 1))]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Vous avez déjà 1 travaux en cours : attendez qu'un d'eux se termine.", AppClient.FieldError(await AppClient.Html(refused), "csv-error"));
        Assert.Equal(1, await WithDb(db => db.Jobs.CountAsync()));

        // A node stopped while running it: after ten silent minutes it is told as interrupted; a day after it ended, it is gone.
        await WithDb(db => db.Jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.HeartbeatAt, Clock.GetUtcNow().UtcDateTime)));
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal((1, 0), await Runner.SweepAsync(CancellationToken.None));
        Assert.Equal("Le serveur s'est arrêté pendant le travail. Relancez-le.", (await client.Get(first)).Document.QuerySelector(".job .field-error")!.TextContent);
        Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal((0, 1), await Runner.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await WithDb(db => db.Jobs.CountAsync()));
    }
}
