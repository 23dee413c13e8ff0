using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Tests.Features.Plan;

[Collection(Slices.Name)]
public sealed class PromoteEntryTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Promoting_creates_a_project_or_links_an_existing_one_and_the_entry_is_in_the_plan()
    {
        var moderator = await Given.AModerator();
        var (_, _, oo) = await Given.APlanBranch();
        var entry = await Given.AnEntry(status: EntryStatus.Accepted);
        await Given.Votes(entry, await Given.AnAgent(), await Given.AnAgent());

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new PromoteEntry(entry, null, null, null), moderator));
        Assert.Equal("OperationalObjectiveId", missing.Errors.Single().Field);
        var project = await Send(new PromoteEntry(entry, null, oo, "Un agenda partagé"), moderator);
        Assert.Equal(EntryStatus.InPlan, (await EntryAsync(entry)).Status);
        var node = (await Send(new GetPlan(), moderator)).Find(project)!;
        Assert.Equal(("Un agenda partagé", PlanLevel.Project, 2, moderator.Id), (node.Title, node.Level, node.TotalVotes, node.OwnerId!.Value));
        Assert.Equal(entry, Assert.Single(node.Entries).Id);
        Assert.Equal([(AuditAction.Promote, (int?)project), (AuditAction.Transition, null)], (await AuditAsync(entry)).Select(a => (a.Action, a.ProjectId)));

        // A second project can carry it too; the same one twice cannot.
        var other = await Given.AProject(oo, "Autre projet");
        await Send(new PromoteEntry(entry, other, null, null), moderator);
        Assert.Equal(new[] { project, other }.Order(), (await Send(new GetAnswerChain(entry), moderator)).Links.Select(l => l.Node.Id).Order());
        var twice = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new PromoteEntry(entry, other, null, null), moderator));
        Assert.Equal(("ProjectId", "Promote.AlreadyLinked"), (twice.Errors.Single().Field, twice.Errors.Single().MessageKey));
    }

    [Fact]
    public async Task An_entry_that_was_not_accepted_is_refused_and_no_project_is_created()
    {
        var moderator = await Given.AModerator();
        var (_, _, oo) = await Given.APlanBranch();
        var submitted = await Given.AnEntry();
        await Assert.ThrowsAsync<ConflictException>(() => Send(new PromoteEntry(submitted, null, oo, "Projet fantôme"), moderator));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new PromoteEntry(submitted, null, oo, null), await Given.AnAgent()));
        Assert.Equal(0, await WithDb(db => db.PlanNodes.CountAsync(n => n.Level == PlanLevel.Project)));
        Assert.Empty(await AuditAsync(submitted));
    }

    [Fact]
    public async Task A_new_project_is_named_after_the_entry_when_no_title_is_given()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var entry = await Given.AnEntry(status: EntryStatus.Accepted, title: "Un annuaire des compétences");
        var project = await Send(new PromoteEntry(entry, null, oo, null), await Given.AModerator());
        Assert.Equal("Un annuaire des compétences", await WithDb(db => db.PlanNodes.Where(n => n.Id == project).Select(n => n.Title).SingleAsync()));
    }
}

[Collection(Slices.Name)]
public sealed class UpdatePlanNodeTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_entry_is_done_when_every_project_that_carries_it_is_done()
    {
        var moderator = await Given.AModerator();
        var (_, _, oo) = await Given.APlanBranch();
        var entry = await Given.AnEntry(status: EntryStatus.Accepted);
        var voter = await Given.AVoter(entry);
        var p1 = await Send(new PromoteEntry(entry, null, oo, "Projet un"), moderator);
        var p2 = await Given.AProject(oo, "Projet deux");
        await Send(new PromoteEntry(entry, p2, null, null), moderator);

        await Send(new UpdatePlanNode(p1, new PlanNodeInput("Projet un", null, null, ProjectStatus: ProjectStatus.Done)), moderator);
        Assert.Equal(EntryStatus.InPlan, (await EntryAsync(entry)).Status);

        await Send(new UpdatePlanNode(p2, new PlanNodeInput("Projet deux", null, null, ProjectStatus: ProjectStatus.Done)), moderator);
        Assert.Equal(EntryStatus.Done, (await EntryAsync(entry)).Status);
        var done = Assert.Single(await AuditAsync(entry), a => a.ToStatus == EntryStatus.Done);
        Assert.Null(done.ActorId);
        Assert.Contains(await NotificationsAsync(entry, NotificationKind.StatusChanged), n => n.UserId == voter.Id && n.Detail == "Done");
        Assert.Equal(100, (await Send(new GetPlan(), moderator)).Find(p2)!.Progress);
    }
}

[Collection(Slices.Name)]
public sealed class AddProjectNoteTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_progress_note_updates_the_project_and_reaches_the_followers_of_its_entries_only()
    {
        var moderator = await Given.AModerator();
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Projet suivi", progress: 10);
        var entry = await Given.AnEntry(status: EntryStatus.InPlan);
        await Given.Carries(project, entry);
        var voter = await Given.AVoter(entry);
        var bystander = await Given.AnAgent();

        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new AddProjectNote(project, "", 150), moderator));
        await Send(new AddProjectNote(project, "Pilote lancé dans deux services.", 35), moderator);

        var details = await Send(new GetProject(project), voter);
        Assert.Equal(35, details.Project.Progress);
        Assert.Equal(("Pilote lancé dans deux services.", 35, moderator.DisplayName), (Assert.Single(details.Notes).Body, details.Notes[0].Progress!.Value, details.Notes[0].AuthorName));
        var notes = await NotificationsAsync(kind: NotificationKind.ProjectProgress);
        Assert.Contains(notes, n => n.UserId == voter.Id && n.Reason == "Pilote lancé dans deux services." && n.Subject.EndsWith("Projet suivi"));
        Assert.DoesNotContain(notes, n => n.UserId == bystander.Id || n.UserId == moderator.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new AddProjectNote(project, "Par un agent", null), voter));
    }

    [Fact]
    public async Task The_project_s_owner_reports_progress_and_another_agent_cannot()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Guichet unique", progress: 10);
        var owner = await Given.AnAgent();
        await WithDb(db => db.PlanNodes.Where(n => n.Id == project).ExecuteUpdateAsync(s => s.SetProperty(n => n.OwnerId, owner.Id)));
        var entry = await Given.AnEntry(status: EntryStatus.InPlan);
        await Given.Carries(project, entry);
        var voter = await Given.AVoter(entry);

        Assert.True((await Send(new GetProject(project), owner)).CanReport);
        Assert.False((await Send(new GetProject(project), voter)).CanReport);
        await Send(new AddProjectNote(project, "Premier guichet ouvert à Namur.", 40), owner);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new AddProjectNote(project, "Pas le mien", 90), voter));

        var details = await Send(new GetProject(project), voter);
        Assert.Equal((40, "Premier guichet ouvert à Namur."), (details.Project.Progress, Assert.Single(details.Notes).Body));
        Assert.Contains(await NotificationsAsync(kind: NotificationKind.ProjectProgress), n => n.UserId == voter.Id);
    }
}

[Collection(Pages.Name)]
public sealed class ProjectNotePageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_owner_gets_the_note_form_on_the_project_page_and_another_agent_neither_the_form_nor_the_post()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Guichet unique");
        var owner = await Given.AnAgent();
        await WithDb(db => db.PlanNodes.Where(n => n.Id == project).ExecuteUpdateAsync(s => s.SetProperty(n => n.OwnerId, owner.Id)));
        var url = $"/Plan/Projects/{project}";

        var ownerClient = await SignInAsync(owner);
        Assert.Equal(HttpStatusCode.Redirect, (await ownerClient.PostForm(url, "form[action*=Note]", new() { ["NoteBody"] = "Lancé.", ["NoteProgress"] = "20" })).StatusCode);
        var (_, page) = await ownerClient.Get(url);
        Assert.Contains("Lancé.", page.QuerySelector("#notes-title")!.ParentElement!.TextContent);

        var other = await SignInAsync(await Given.AnAgent());
        var (_, seen) = await other.Get(url);
        Assert.Null(seen.QuerySelector("form[action*=Note]"));
        var forged = await other.PostWithToken(url, "form", $"{url}?handler=Note", [new("NoteBody", "Pas le mien")]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(1, await WithDb(db => db.ProjectNotes.CountAsync(n => n.ProjectId == project)));
    }
}
