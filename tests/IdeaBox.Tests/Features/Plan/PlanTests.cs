using IdeaBox.Domain;
using IdeaBox.Tests.Features.Moderation;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Plan;

public sealed class PlanTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static PlanNodeInput Named(string title, double? weight = null) => new(title, null, weight);

    /// <summary>A new axis → objective → operational objective, the last one's id.</summary>
    private async Task<(int Axis, int Objective, int Operational)> BranchAsync(FakeUser moderator)
    {
        var axis = await app.Send(new CreatePlanNode(PlanLevel.Axis, null, Named("Axe de test")), moderator);
        var so = await app.Send(new CreatePlanNode(PlanLevel.StrategicObjective, axis, Named("Objectif stratégique")), moderator);
        var oo = await app.Send(new CreatePlanNode(PlanLevel.OperationalObjective, so, Named("Objectif opérationnel")), moderator);
        return (axis, so, oo);
    }

    private async Task<PlanItem> NodeAsync(int id) => (await app.Send(new GetPlan(), await app.OtherAgentAsync())).Find(id)!;

    private async Task<int> AcceptedEntryAsync()
    {
        var id = await app.NewEntryAsync();
        await app.SetStatusAsync(id, EntryStatus.Accepted);
        return id;
    }

    [Fact]
    public async Task Codes_follow_the_order_and_reordering_renumbers_them()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (axis, so, oo) = await BranchAsync(moderator);
        var first = await app.Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Premier projet")), moderator);
        var second = await app.Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Second projet")), moderator);
        var a = (await NodeAsync(axis)).Code[1..];
        Assert.Equal($"OO{a}.1.1", (await NodeAsync(oo)).Code);
        Assert.Equal($"P{a}.1.1.1", (await NodeAsync(first)).Code);
        Assert.Equal($"P{a}.1.1.2", (await NodeAsync(second)).Code);

        await app.Send(new MovePlanNode(second, MoveDirection.Up), moderator);
        Assert.Equal($"P{a}.1.1.1", (await NodeAsync(second)).Code);
        Assert.Equal($"P{a}.1.1.2", (await NodeAsync(first)).Code);
        // Moving the first one further up changes nothing.
        await app.Send(new MovePlanNode(second, MoveDirection.Up), moderator);
        Assert.Equal($"P{a}.1.1.1", (await NodeAsync(second)).Code);
    }

    [Fact]
    public async Task Only_the_level_below_fits_under_a_node_and_bad_values_are_named()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (axis, _, oo) = await BranchAsync(moderator);
        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new CreatePlanNode(PlanLevel.Project, axis, Named("X")), moderator));
        Assert.Equal("Plan.WrongParent", wrong.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new CreatePlanNode(PlanLevel.Project, 999_999, Named("X")), moderator));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new CreatePlanNode(PlanLevel.Project, oo,
            new PlanNodeInput("", null, -1, "personne@nulle.part", null, ProjectStatus.Planned, 120, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))), moderator));
        Assert.Equal(["DueDate", "Progress", "Title", "Weight"], bad.Errors.Select(e => e.Field).Order());
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new CreatePlanNode(PlanLevel.Axis, null, Named("X")), app.UserAsync(TestApp.Agent).Result));
    }

    [Fact]
    public async Task Progress_rolls_up_weighted_and_abandoned_projects_do_not_count()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (axis, so, oo) = await BranchAsync(moderator);
        await app.Send(new CreatePlanNode(PlanLevel.Project, oo, new PlanNodeInput("Fait", null, 3, ProjectStatus: ProjectStatus.Done)), moderator);
        await app.Send(new CreatePlanNode(PlanLevel.Project, oo, new PlanNodeInput("En cours", null, null, ProjectStatus: ProjectStatus.InProgress, Progress: 20)), moderator);
        await app.Send(new CreatePlanNode(PlanLevel.Project, oo, new PlanNodeInput("Abandonné", null, null, ProjectStatus: ProjectStatus.Abandoned, Progress: 0)), moderator);

        // (100 × 3 + 20 × 1) / 4 = 80, up to the axis.
        Assert.Equal(80, (await NodeAsync(oo)).RolledUpProgress);
        Assert.Equal(80, (await NodeAsync(so)).RolledUpProgress);
        Assert.Equal(80, (await NodeAsync(axis)).RolledUpProgress);
    }

    [Fact]
    public async Task Promoting_creates_a_project_or_links_an_existing_one_and_the_entry_is_in_the_plan()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (_, _, oo) = await BranchAsync(moderator);
        var entry = await AcceptedEntryAsync();
        await app.VoteAsync(entry, await app.OtherAgentAsync(1), await app.OtherAgentAsync(2));

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new PromoteEntry(entry, null, null, null), moderator));
        Assert.Equal("OperationalObjectiveId", missing.Errors.Single().Field);
        var project = await app.Send(new PromoteEntry(entry, null, oo, "Un agenda partagé"), moderator);
        Assert.Equal(EntryStatus.InPlan, (await app.EntryAsync(entry)).Status);
        var node = await NodeAsync(project);
        Assert.Equal(("Un agenda partagé", PlanLevel.Project, 2), (node.Title, node.Level, node.TotalVotes));
        Assert.Equal(entry, Assert.Single(node.Entries).Id);
        Assert.Contains(await app.AuditAsync(entry), a => a.Action == AuditAction.Promote);

        // A second project can carry it too; the same one twice cannot.
        var other = await app.Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Autre projet")), moderator);
        await app.Send(new PromoteEntry(entry, other, null, null), moderator);
        Assert.Equal([project, other], (await app.Send(new GetEntryProjects(entry), moderator)).Select(p => p.Id).Order());
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new PromoteEntry(entry, other, null, null), moderator));

        // An entry that was not accepted cannot be promoted.
        var submitted = await app.NewEntryAsync();
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new PromoteEntry(submitted, other, null, null), moderator));
    }

    [Fact]
    public async Task An_entry_is_done_when_every_project_that_carries_it_is_done()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (_, _, oo) = await BranchAsync(moderator);
        var entry = await AcceptedEntryAsync();
        var voter = await app.OtherAgentAsync(4);
        await app.VoteAsync(entry, voter);
        var p1 = await app.Send(new PromoteEntry(entry, null, oo, "Projet un"), moderator);
        var p2 = await app.Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Projet deux")), moderator);
        await app.Send(new PromoteEntry(entry, p2, null, null), moderator);

        await app.Send(new UpdatePlanNode(p1, new PlanNodeInput("Projet un", null, null, ProjectStatus: ProjectStatus.Done)), moderator);
        Assert.Equal(EntryStatus.InPlan, (await app.EntryAsync(entry)).Status);

        await app.Send(new UpdatePlanNode(p2, new PlanNodeInput("Projet deux", null, null, ProjectStatus: ProjectStatus.Done)), moderator);
        Assert.Equal(EntryStatus.Done, (await app.EntryAsync(entry)).Status);
        var done = Assert.Single(await app.AuditAsync(entry), a => a.To == "Done");
        Assert.Null(done.ActorId);
        Assert.Contains(await app.NotificationsAsync(entry, NotificationKind.StatusChanged), n => n.UserId == voter.Id && n.Detail == "Done");
    }

    [Fact]
    public async Task A_progress_note_updates_the_project_and_reaches_the_followers_of_its_entries_only()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (_, _, oo) = await BranchAsync(moderator);
        var entry = await AcceptedEntryAsync();
        var voter = await app.OtherAgentAsync(6);
        var bystander = await app.OtherAgentAsync(7);
        await app.VoteAsync(entry, voter);
        var project = await app.Send(new PromoteEntry(entry, null, oo, "Projet suivi"), moderator);

        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new AddProjectNote(project, "", 150), moderator));
        await app.Send(new AddProjectNote(project, "Pilote lancé dans deux services.", 35), moderator);

        var details = await app.Send(new GetProject(project), voter);
        Assert.Equal(35, details.Project.Progress);
        Assert.Equal("Pilote lancé dans deux services.", Assert.Single(details.Notes).Body);
        var notes = await app.WithDb(db => db.Notifications.Where(n => n.Kind == NotificationKind.ProjectProgress && n.Subject.EndsWith("Projet suivi")).ToListAsync());
        Assert.Contains(notes, n => n.UserId == voter.Id && n.Reason == "Pilote lancé dans deux services.");
        Assert.DoesNotContain(notes, n => n.UserId == bystander.Id || n.UserId == moderator.Id);
    }

    [Fact]
    public async Task A_node_with_children_or_entries_cannot_be_deleted()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var (_, so, oo) = await BranchAsync(moderator);
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new DeletePlanNode(so), moderator));
        var entry = await AcceptedEntryAsync();
        var project = await app.Send(new PromoteEntry(entry, null, oo, null), moderator);
        Assert.Equal((await app.EntryAsync(entry)).Title, (await NodeAsync(project)).Title);
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new DeletePlanNode(project), moderator));
        var empty = await app.Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Vide")), moderator);
        await app.Send(new DeletePlanNode(empty), moderator);
        Assert.Null(await NodeAsync(empty));
    }

    [Fact]
    public async Task The_demo_plan_is_plausible()
    {
        var plan = await app.Send(new GetPlan(), await app.OtherAgentAsync());
        var demo = plan.Axes.Where(a => a.Title != "Axe de test").SelectMany(a => a.SelfAndDescendants()).ToList();
        Assert.Equal(3, demo.Count(n => n.Level == PlanLevel.Axis));
        Assert.Equal(8, demo.Count(n => n.Level == PlanLevel.StrategicObjective));
        Assert.Equal(20, demo.Count(n => n.Level == PlanLevel.OperationalObjective));
        var projects = demo.Where(n => n.Level == PlanLevel.Project).ToList();
        Assert.Equal(40, projects.Count);
        Assert.Equal(4, projects.Select(p => p.ProjectStatus).Distinct().Count());
        Assert.Contains(projects, p => p.Entries.Count > 0);
        // Entries that are done sit on done projects only.
        Assert.All(projects.Where(p => p.Entries.Any(e => e.Status == EntryStatus.Done)), p => Assert.Equal(ProjectStatus.Done, p.ProjectStatus));
    }
}
