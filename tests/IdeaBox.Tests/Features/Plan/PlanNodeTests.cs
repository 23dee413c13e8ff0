using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Tests.Features.Plan;

/// <summary>Creating, editing, moving and deleting the nodes of the plan; codes and roll-ups as the plan page reads them.</summary>
[Collection(Slices.Name)]
public sealed class PlanNodeTests(AppFixture app) : AppTest(app)
{
    private static PlanNodeInput Named(string title, double? weight = null) => new(title, null, weight);

    private async Task<PlanItem> NodeAsync(int id) => (await Send(new GetPlan(), await Given.AnAgent())).Find(id)!;

    [Fact]
    public async Task Codes_follow_the_order_and_reordering_renumbers_them()
    {
        var moderator = await Given.AModerator();
        await Send(new CreatePlanNode(PlanLevel.Axis, null, Named("Premier axe")), moderator);
        var axis = await Send(new CreatePlanNode(PlanLevel.Axis, null, Named("Deuxième axe")), moderator);
        var so = await Send(new CreatePlanNode(PlanLevel.StrategicObjective, axis, Named("Objectif stratégique")), moderator);
        var oo = await Send(new CreatePlanNode(PlanLevel.OperationalObjective, so, Named("Objectif opérationnel")), moderator);
        var first = await Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Premier projet")), moderator);
        var second = await Send(new CreatePlanNode(PlanLevel.Project, oo, Named("Second projet")), moderator);
        Assert.Equal(["A2", "OS2.1", "OO2.1.1", "P2.1.1.1", "P2.1.1.2"], [(await NodeAsync(axis)).Code, (await NodeAsync(so)).Code,
            (await NodeAsync(oo)).Code, (await NodeAsync(first)).Code, (await NodeAsync(second)).Code]);

        await Send(new MovePlanNode(second, MoveDirection.Up), moderator);
        Assert.Equal(("P2.1.1.1", "P2.1.1.2"), ((await NodeAsync(second)).Code, (await NodeAsync(first)).Code));
        // Moving the first one further up changes nothing; moving the axis up makes it the first.
        await Send(new MovePlanNode(second, MoveDirection.Up), moderator);
        Assert.Equal("P2.1.1.1", (await NodeAsync(second)).Code);
        await Send(new MovePlanNode(axis, MoveDirection.Up), moderator);
        Assert.Equal("P1.1.1.1", (await NodeAsync(second)).Code);
    }

    [Fact]
    public async Task Only_the_level_below_fits_under_a_node_and_bad_values_are_named()
    {
        var moderator = await Given.AModerator();
        var (axis, _, oo) = await Given.APlanBranch();
        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new CreatePlanNode(PlanLevel.Project, axis, Named("X")), moderator));
        Assert.Equal(("ParentId", "Plan.WrongParent"), (wrong.Errors.Single().Field, wrong.Errors.Single().MessageKey));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new CreatePlanNode(PlanLevel.Axis, axis, Named("X")), moderator));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new CreatePlanNode(PlanLevel.Project, 999_999, Named("X")), moderator));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new CreatePlanNode(PlanLevel.Project, oo,
            new PlanNodeInput("", null, -1, "personne@nulle.part", null, ProjectStatus.Planned, 120, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))), moderator));
        Assert.Equal(["DueDate", "Progress", "Title", "Weight"], bad.Errors.Select(e => e.Field).Order());
        var owner = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new CreatePlanNode(PlanLevel.Project, oo,
            new PlanNodeInput("Projet", null, null, "personne@nulle.part", 999_999)), moderator));
        Assert.Equal(["OwnerEmail", "UnitId"], owner.Errors.Select(e => e.Field).Order());
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new CreatePlanNode(PlanLevel.Axis, null, Named("X")), await Given.AnAgent()));
        Assert.Equal(3, await WithDb(db => db.PlanNodes.CountAsync()));
    }

    [Fact]
    public async Task A_project_gets_its_owner_by_e_mail_and_its_dates()
    {
        var moderator = await Given.AModerator();
        var owner = await Given.AnAgent();
        var unit = await Given.AUnit("Service du courrier");
        var (_, _, oo) = await Given.APlanBranch();
        var id = await Send(new CreatePlanNode(PlanLevel.Project, oo, new PlanNodeInput("Courrier numérique", "Scanner à l'arrivée.", 2,
            owner.Email.ToUpperInvariant(), unit.Id, ProjectStatus.InProgress, 30, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30))), moderator);

        var node = await NodeAsync(id);
        Assert.Equal(("Courrier numérique", owner.DisplayName, "Service du courrier", ProjectStatus.InProgress, 30, 2d, new DateOnly(2026, 6, 30)),
            (node.Title, node.OwnerName, node.UnitName, node.ProjectStatus, node.Progress, node.Weight!.Value, node.DueDate!.Value));
    }

    [Fact]
    public async Task Progress_rolls_up_weighted_and_abandoned_projects_do_not_count()
    {
        var (axis, so, oo) = await Given.APlanBranch();
        await Given.AProject(oo, status: ProjectStatus.Done, weight: 3);
        await Given.AProject(oo, status: ProjectStatus.InProgress, progress: 20);
        await Given.AProject(oo, status: ProjectStatus.Abandoned);

        // (100 × 3 + 20 × 1) / 4 = 80, up to the axis.
        foreach (var node in new[] { oo, so, axis }) Assert.Equal(80, (await NodeAsync(node)).RolledUpProgress);
    }

    [Fact]
    public async Task A_node_with_children_or_entries_cannot_be_deleted()
    {
        var moderator = await Given.AModerator();
        var (_, so, oo) = await Given.APlanBranch();
        Assert.Equal("Plan.HasChildren", (await Assert.ThrowsAsync<ConflictException>(() => Send(new DeletePlanNode(so), moderator))).MessageKey);
        var project = await Given.AProject(oo);
        await Given.Carries(project, await Given.AnEntry(status: EntryStatus.InPlan));
        Assert.Equal("Plan.CarriesEntries", (await Assert.ThrowsAsync<ConflictException>(() => Send(new DeletePlanNode(project), moderator))).MessageKey);

        var empty = await Given.AProject(oo);
        await Send(new DeletePlanNode(empty), moderator);
        Assert.Null(await NodeAsync(empty));
    }

    [Fact]
    public async Task Hidden_and_merged_entries_are_not_shown_behind_a_project()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo);
        var shown = await Given.AnEntry(status: EntryStatus.InPlan);
        await Given.Votes(shown, await Given.AnAgent(), await Given.AnAgent());
        await Given.Carries(project, shown);
        await Given.Carries(project, await Given.AnEntry(status: EntryStatus.Hidden));

        var node = await NodeAsync(project);
        Assert.Equal([shown], node.Entries.Select(e => e.Id));
        Assert.Equal(2, node.TotalVotes);
    }
}
