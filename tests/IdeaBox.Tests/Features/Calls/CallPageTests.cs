namespace IdeaBox.Tests.Features.Calls;

/// <summary>Calls and clusters as their users meet them in the pages, without JavaScript.</summary>
[Collection(Pages.Name)]
public sealed class CallPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_call_opened_by_a_moderator_reaches_the_home_page_the_banner_and_the_form_and_its_summary_is_published_at_closing()
    {
        var theme = await Given.ATheme("Accueil");
        var moderator = await SignInAsync(await Given.AModerator());
        var invalid = await moderator.PostForm("/Calls/New", "main form", new() { ["Form.Question"] = " ", ["Form.ClosesOn"] = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await AppClient.Html(invalid);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(errors, "question-error"));
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(errors, "opens-error"));
        Assert.Equal("Choisissez au moins un type de contribution.", AppClient.FieldError(errors, "kinds-error"));
        Assert.Empty(await WithDb(db => db.Calls.ToListAsync()));

        var opened = await moderator.PostForm("/Calls/New", "main form", new()
        {
            ["Form.Question"] = "Comment mieux accueillir les nouveaux ?", ["Form.OpensOn"] = Clock.Today.ToString("O"),
            ["Form.ClosesOn"] = Clock.Today.AddDays(60).ToString("O"), ["Form.Kinds"] = "Idea",
        }, [new("Form.ThemeIds", theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var call = AppClient.RedirectedId(opened);

        var agentUser = await Given.AnAgent();
        var agent = await SignInAsync(agentUser);
        var (_, home) = await agent.Get("/");
        Assert.Contains("Comment mieux accueillir les nouveaux ?", home.QuerySelector("section.calls")!.TextContent);
        Assert.Null(home.QuerySelector(".call-banner"));
        var (_, list) = await agent.Get("/Entries");
        Assert.Contains("Comment mieux accueillir les nouveaux ?", list.QuerySelector(".call-banner")!.TextContent);
        var (_, form) = await agent.Get($"/Entries/New?call={call}");
        Assert.Equal(call.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#Input_CallId option[selected]")!.GetAttribute("value"));
        Assert.True(form.QuerySelector($"#Input_Theme_{theme.Id}")!.HasAttribute("checked"));

        var submitted = await agent.PostForm($"/Entries/New?call={call}", "form.entry-form", new()
        {
            ["Input.Kind"] = "Idea", ["Input.Title"] = "Un parrain pour chaque arrivée", ["Input.Body"] = "Une personne de référence la première semaine.",
            ["Input.SimilarChecked"] = "true", ["Input.CallId"] = call.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, [new("Input.ThemeIds", theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var entry = AppClient.RedirectedId(submitted);
        var (_, page) = await agent.Get($"/Entries/{entry}");
        Assert.Equal("Appel : Comment mieux accueillir les nouveaux ?", page.QuerySelector(".call-tag")!.TextContent);

        var (_, running) = await agent.Get($"/Calls/{call}");
        Assert.Null(running.QuerySelector(".call-summary"));
        Clock.Advance(TimeSpan.FromDays(100));
        agent = await SignInAsync(agentUser);
        var (_, closed) = await agent.Get($"/Calls/{call}");
        Assert.Contains("Clos", closed.QuerySelector(".entry-meta")!.TextContent);
        Assert.NotNull(closed.QuerySelector(".call-summary table.participation"));
        Assert.Null(closed.QuerySelector("a[href*=Export]"));
        var (_, frozen) = await agent.Get($"/Entries/{entry}");
        Assert.Contains("les votes sur ses contributions sont figés", frozen.QuerySelector(".votes")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync($"/Calls/{call}?handler=Export&format=Csv")).StatusCode);
        var rows = await Downloads.Csv(await (await SignInAsync(await Given.ALeader())).Http.GetAsync($"/Calls/{call}?handler=Export&format=Csv"));
        Assert.Equal(["Question posée", "Comment mieux accueillir les nouveaux ?"], rows[1][..2]);
    }

    [Fact]
    public async Task A_moderator_groups_entries_in_a_cluster_from_its_page_and_an_agent_reads_it_but_cannot_change_it()
    {
        var printers = await Given.AnEntry(title: "Imprimantes en panne au deuxième étage");
        var alike = await Given.AnEntry(title: "Imprimantes en panne chaque lundi");
        var moderator = await SignInAsync(await Given.AModerator());
        var created = await moderator.PostForm("/Clusters", "#NewCluster form", new() { ["NewCluster.Name"] = "Impression" });
        var cluster = AppClient.RedirectedId(created);

        var added = await moderator.PostForm($"/Clusters/{cluster}?q=imprimantes", $"form:has(input[name=EntryId][value='{printers}'])", new());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, page) = await moderator.Get($"/Clusters/{cluster}");
        Assert.Contains("Imprimantes en panne au deuxième étage", page.QuerySelector(".cluster-members")!.TextContent);
        Assert.Contains("Imprimantes en panne chaque lundi", page.QuerySelector(".candidates")!.TextContent);
        var again = await moderator.PostForm($"/Clusters/{cluster}", $"form:has(input[name=EntryId][value='{alike}'])", new() { ["EntryId"] = printers.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cette contribution fait déjà partie de ce regroupement.", AppClient.FieldError(await AppClient.Html(again), "entry-error"));

        var agent = await SignInAsync(await Given.AnAgent());
        var (_, read) = await agent.Get($"/Clusters/{cluster}");
        Assert.Contains("Imprimantes en panne au deuxième étage", read.QuerySelector(".cluster-members")!.TextContent);
        Assert.Null(read.QuerySelector("main form[method=post]"));
        var (_, entryPage) = await agent.Get($"/Entries/{printers}");
        Assert.Contains("Impression", entryPage.QuerySelector(".entry-cluster")!.TextContent);
        var forged = await agent.PostWithToken("/Privacy", "form.language", $"/Clusters/{cluster}?handler=Add",
            [new("EntryId", alike.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null((await EntryAsync(alike)).ClusterId);
    }
}
