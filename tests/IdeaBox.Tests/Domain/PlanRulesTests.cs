namespace IdeaBox.Tests.Domain;

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

public sealed class PlanNodeTests
{
    [Theory]
    [InlineData(ProjectStatus.InProgress, 35, 35)]
    [InlineData(ProjectStatus.Planned, 140, 100)]
    [InlineData(ProjectStatus.Done, 35, 100)]
    public void A_progress_note_moves_a_project_unless_it_is_done(ProjectStatus status, int reported, int expected)
    {
        var project = new PlanNode { Level = PlanLevel.Project, Title = "P", ProjectStatus = status, Progress = status == ProjectStatus.Done ? 100 : 10 };
        project.ReportProgress(reported);
        Assert.Equal(expected, project.Progress);
    }
}
