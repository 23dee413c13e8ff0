namespace IdeaBox.Tests.Features.Moderation;

/// <summary>The moderation pages as moderators drive them, and as agents try to.</summary>
[Collection(Pages.Name)]
public sealed class ModeratePageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_page_offers_the_forms_the_entrys_state_allows_and_no_other()
    {
        var moderator = await SignInAsync(await Given.AModerator());
        var underReview = await Given.AnEntry(EntryKind.Idea, EntryStatus.UnderReview);
        var (_, page) = await moderator.Get($"/Entries/{underReview}/Moderate");
        Assert.Equal(["Accepted", "Declined"], page.QuerySelectorAll("input[name='StatusForm.To']").Select(i => i.GetAttribute("value")!).Order());
        Assert.NotNull(page.GetElementById("MergeForm"));
        Assert.NotNull(page.GetElementById("LinkForm"));
        Assert.Null(page.GetElementById("PromoteForm"));
        Assert.NotNull(page.QuerySelector("form[action*=Hide]"));

        var accepted = await Given.AnEntry(EntryKind.Difficulty, EntryStatus.Accepted);
        var (_, acceptedPage) = await moderator.Get($"/Entries/{accepted}/Moderate");
        Assert.Null(acceptedPage.GetElementById("StatusForm"));
        Assert.NotNull(acceptedPage.GetElementById("PromoteForm"));
        Assert.Null(acceptedPage.GetElementById("MergeForm"));
        Assert.Null(acceptedPage.GetElementById("LinkForm"));

        var hidden = await Given.AnEntry(status: EntryStatus.Hidden);
        var (_, hiddenPage) = await moderator.Get($"/Entries/{hidden}/Moderate");
        Assert.NotNull(hiddenPage.QuerySelector("form[action*=Show]"));
        Assert.Null(hiddenPage.QuerySelector("form[action*=Hide]"));
    }

    [Fact]
    public async Task A_hidden_entry_is_shown_again_from_its_page_with_the_status_it_had()
    {
        var id = await Given.AnEntry(status: EntryStatus.Hidden);
        var moderator = await SignInAsync(await Given.AModerator());
        var empty = await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Show]", new() { ["HideForm.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Indiquez un motif : il sera montré à l'auteur.", AppClient.FieldError(await AppClient.Html(empty), "hide-error"));

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Show]", new() { ["HideForm.Reason"] = "Erreur de ma part." })).StatusCode);
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(id)).Status);
    }

    [Fact]
    public async Task A_forged_moderation_post_from_an_agent_is_refused_and_changes_nothing()
    {
        var agent = await SignInAsync(await Given.AnAgent());
        var id = await Given.AnEntry();
        var status = await agent.PostWithToken("/Entries/New", "form.entry-form", $"/Entries/{id}/Moderate?handler=Status", [new("StatusForm.To", "UnderReview")]);
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        var bulk = await agent.PostWithToken("/Entries/New", "form.entry-form", "/Moderation?handler=Review", [new("Selected", id.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(id)).Status);
    }

    [Fact]
    public async Task A_moderator_takes_entries_under_review_from_the_queue()
    {
        var id = await Given.AnEntry(title: "Le réseau wifi décroche l'après-midi");
        var moderator = await SignInAsync(await Given.AModerator());
        var (_, queue) = await moderator.Get("/Moderation");
        Assert.Contains(queue.QuerySelectorAll("table.data a"), a => a.TextContent == "Le réseau wifi décroche l'après-midi");

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostForm("/Moderation", "form[action*=Review]", new() { ["Selected"] = id.ToString() })).StatusCode);
        Assert.Equal(EntryStatus.UnderReview, (await EntryAsync(id)).Status);

        await Given.AnEntry();
        var empty = await moderator.PostForm("/Moderation", "form[action*=Review]", new());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Cochez au moins une contribution", (await AppClient.Html(empty)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Declining_without_a_reason_comes_back_with_the_message_next_to_the_reason_and_a_refused_move_is_a_409()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, status: EntryStatus.UnderReview);
        var moderator = await SignInAsync(await Given.AModerator());

        var response = await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Status]", new() { ["StatusForm.To"] = "Declined", ["StatusForm.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Indiquez un motif : il sera montré à l'auteur.", AppClient.FieldError(await AppClient.Html(response), "status-reason-error"));
        Assert.Equal(EntryStatus.UnderReview, (await EntryAsync(id)).Status);

        var (_, page) = await moderator.Get($"/Entries/{id}/Moderate");
        var forged = await moderator.PostWithToken(AppClient.Token(page, "form[action*=Status]"), $"/Entries/{id}/Moderate?handler=Status", [new("StatusForm.To", "Done")]);
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Contains("n'est pas possible", (await AppClient.Html(forged)).QuerySelector(".error-summary")!.TextContent);

        var declined = await moderator.PostForm($"/Entries/{id}/Moderate", "form[action*=Status]", new() { ["StatusForm.To"] = "Declined", ["StatusForm.Reason"] = "Déjà dématérialisé en 2027." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, entryPage) = await (await SignInAsync(author)).Get($"/Entries/{id}");
        Assert.Contains("Déjà dématérialisé en 2027.", entryPage.QuerySelector(".status-reason")!.TextContent);
        Assert.Equal("Non retenue", entryPage.QuerySelector(".badge.status")!.TextContent);
    }

    [Fact]
    public async Task After_a_merge_the_source_page_redirects_and_the_target_shows_its_discussion_under_a_banner()
    {
        var agent = await Given.AnAgent();
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Badge perdu : trois semaines d'attente");
        var target = await Given.AnEntry(title: "Remplacer un badge prend trop de temps");
        await Given.AComment(source, agent, "Pareil au service courrier.");
        var moderator = await SignInAsync(await Given.AModerator());

        var (_, search) = await moderator.Get($"/Entries/{source}/Moderate?q=badge+temps");
        Assert.NotNull(search.GetElementById($"target-{target}"));
        var merged = await moderator.PostForm($"/Entries/{source}/Moderate?q=badge+temps", "form[action*=Merge]", new() { ["MergeForm.TargetId"] = target.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.EndsWith($"/Entries/{target}", merged.Headers.Location!.OriginalString);

        var reader = await SignInAsync(agent);
        var redirect = await reader.Http.GetAsync($"/Entries/{source}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith($"/Entries/{target}", redirect.Headers.Location!.OriginalString);
        var (_, targetPage) = await reader.Get($"/Entries/{target}");
        var banner = targetPage.GetElementById($"merged-{source}")!;
        Assert.Contains("Badge perdu", banner.TextContent);
        Assert.Contains("Pareil au service courrier.", banner.ParentElement!.TextContent);
    }

    [Fact]
    public async Task The_entrys_history_names_the_statuses_the_target_and_the_project_in_French()
    {
        var moderatorUser = await Given.AModerator();
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Le doublon");
        var target = await Given.AnEntry(title: "La contribution d'origine");
        await Send(new Web.Features.Moderation.MergeEntry(source, target, "Même sujet."), moderatorUser);

        var (_, log) = await (await SignInAsync(moderatorUser)).Get($"/Moderation/Log?entry={source}");
        var row = log.QuerySelector("table.data tbody tr")!;
        Assert.Contains("En examen", row.TextContent);
        Assert.Contains("Fusionnée", row.TextContent);
        Assert.Equal($"/Entries/{target}", row.QuerySelectorAll("a").Last().GetAttribute("href"));
        Assert.Contains("Même sujet.", row.TextContent);
    }
}

[Collection(Pages.Name)]
public sealed class ImportPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_import_page_previews_shows_errors_per_line_and_imports_on_confirmation()
    {
        var theme = await Given.ATheme("Archives");
        var moderator = await SignInAsync(await Given.AModerator());
        var bad = await moderator.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview",
            [new("Csv", $"type;titre;description;thèmes;origine\nBanane;Titre;Texte;{theme.Name};Audit interne\n")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await AppClient.Html(bad);
        Assert.Contains("type : Choisissez", badPage.QuerySelector("table.data tbody")!.TextContent.Replace("\u00A0", " "));
        Assert.Null(badPage.QuerySelector("form[action*=handler\\=Import]"));

        var csv = $"type;titre;description;thèmes;origine;référence\nDifficulté;Les archives débordent;Plus de place.;{theme.Name};Note d'information de service;NIS-77\n";
        var preview = await moderator.PostWithToken("/Moderation/Import", "form[enctype]", "/Moderation/Import?handler=Preview", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
        var confirm = await moderator.PostWithToken(AppClient.Token(await AppClient.Html(preview), "form[action*=Import]"), "/Moderation/Import?handler=Import", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.StartsWith("/Jobs/", confirm.Headers.Location!.OriginalString);
        await App.Service<IdeaBox.Web.Features.Jobs.JobRunner>().RunPendingAsync(CancellationToken.None);
        Assert.Equal(1, await WithDb(db => db.Entries.CountAsync(e => e.OriginReference == "NIS-77" && e.Origin == EntryOrigin.ServiceInformationNote)));
    }
}
