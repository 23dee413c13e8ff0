using IdeaBox.Domain;

namespace IdeaBox.Tests.Domain;

/// <summary>The state machine of DESIGN.md, written out again by hand and compared with the table for every (from, to, role).</summary>
public sealed class TransitionsTests
{
    private static readonly string[] AllRoles = [.. Roles.ByPrecedence, Transitions.System];

    /// <summary>DESIGN.md, "The life of an entry", independently of the table: (allowed, reason required).</summary>
    private static (bool Allowed, bool ReasonRequired) Expected(EntryStatus from, EntryStatus to, string role)
    {
        if (role == Transitions.System) return (from == EntryStatus.InPlan && to == EntryStatus.Done, false);
        if (role != Roles.Moderator) return (false, false);
        if (from == to) return (false, false);
        if (to == EntryStatus.Hidden || from == EntryStatus.Hidden) return (true, true);
        return (from, to) switch
        {
            (EntryStatus.Submitted, EntryStatus.UnderReview) => (true, false),
            (EntryStatus.UnderReview, EntryStatus.Accepted) => (true, false),
            (EntryStatus.UnderReview, EntryStatus.Declined) => (true, true),
            (EntryStatus.UnderReview, EntryStatus.Merged) => (true, false),
            (EntryStatus.Accepted, EntryStatus.InPlan) => (true, false),
            _ => (false, false),
        };
    }

    public static TheoryData<EntryStatus, EntryStatus, string> EveryPairAndRole()
    {
        var data = new TheoryData<EntryStatus, EntryStatus, string>();
        foreach (var from in Enum.GetValues<EntryStatus>())
        foreach (var to in Enum.GetValues<EntryStatus>())
        foreach (var role in AllRoles)
            data.Add(from, to, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairAndRole))]
    public void The_table_allows_exactly_the_moves_of_the_design(EntryStatus from, EntryStatus to, string role)
    {
        var (allowed, reasonRequired) = Expected(from, to, role);
        var rule = Transitions.Find(from, to, role);
        Assert.Equal(allowed, rule is not null);
        if (rule is not null) Assert.Equal(reasonRequired, rule.ReasonRequired);
    }

    [Fact]
    public void A_user_with_several_roles_gets_the_moderator_rule() =>
        Assert.NotNull(Transitions.Find(EntryStatus.Submitted, EntryStatus.UnderReview, [Roles.Agent, Roles.Moderator]));

    [Fact]
    public void The_status_form_offers_only_the_simple_moves()
    {
        Assert.Equal([EntryStatus.UnderReview], Transitions.ManualTargets(EntryStatus.Submitted));
        Assert.Equal([EntryStatus.Accepted, EntryStatus.Declined], Transitions.ManualTargets(EntryStatus.UnderReview).Order());
        Assert.Empty(Transitions.ManualTargets(EntryStatus.InPlan));
        Assert.Empty(Transitions.ManualTargets(EntryStatus.Hidden));
    }
}

public sealed class PlanRulesTests
{
    [Fact]
    public void Codes_are_built_from_the_positions_of_the_node_and_its_ancestors()
    {
        Assert.Equal("A2", PlanRules.Code(PlanLevel.Axis, [2]));
        Assert.Equal("OS1.2", PlanRules.Code(PlanLevel.StrategicObjective, [1, 2]));
        Assert.Equal("OO1.2.3", PlanRules.Code(PlanLevel.OperationalObjective, [1, 2, 3]));
        Assert.Equal("P1.2.3.4", PlanRules.Code(PlanLevel.Project, [1, 2, 3, 4]));
    }

    [Fact]
    public void Progress_rolls_up_as_a_weighted_average_and_ignores_what_does_not_count()
    {
        Assert.Equal(50, PlanRules.RollUp([(100, null), (0, null)]));
        Assert.Equal(75, PlanRules.RollUp([(100, 3), (0, 1)]));
        Assert.Equal(40, PlanRules.RollUp([(40, null), (null, 5)]));
        Assert.Null(PlanRules.RollUp([(null, null)]));
        Assert.Null(PlanRules.RollUp([]));
    }

    [Theory]
    [InlineData(ProjectStatus.Planned, 0, 0d)]
    [InlineData(ProjectStatus.InProgress, 40, 40d)]
    [InlineData(ProjectStatus.InProgress, 140, 100d)]
    [InlineData(ProjectStatus.Done, 10, 100d)]
    public void A_project_counts_its_own_progress_and_done_is_complete(ProjectStatus status, int progress, double expected) =>
        Assert.Equal(expected, PlanRules.ProjectProgress(status, progress));

    [Fact]
    public void An_abandoned_project_does_not_count() => Assert.Null(PlanRules.ProjectProgress(ProjectStatus.Abandoned, 50));
}
