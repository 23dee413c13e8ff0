namespace IdeaBox.Domain;

/// <summary>How codes are written and progress is rolled up.</summary>
public static class PlanRules
{
    public static string Prefix(PlanLevel level) => level switch
    {
        PlanLevel.Axis => "A",
        PlanLevel.StrategicObjective => "OS",
        PlanLevel.OperationalObjective => "OO",
        _ => "P",
    };

    /// <summary>"OO1.2.3" from the 1-based ordinals of the node and its ancestors, top first.</summary>
    public static string Code(PlanLevel level, IEnumerable<int> ordinals) =>
        Prefix(level) + string.Join('.', ordinals);

    public static PlanLevel? ChildLevel(PlanLevel level) =>
        level == PlanLevel.Project ? null : level + 1;

    /// <summary>A project's own progress: 100 when done; abandoned projects do not count (null).</summary>
    public static double? ProjectProgress(ProjectStatus status, int progress) => status switch
    {
        ProjectStatus.Done => 100,
        ProjectStatus.Abandoned => null,
        _ => Math.Clamp(progress, 0, 100),
    };

    /// <summary>The weighted average of the children that count; null when none does.</summary>
    public static double? RollUp(IEnumerable<(double? Progress, double? Weight)> children)
    {
        double sum = 0, weights = 0;
        foreach (var (progress, weight) in children)
        {
            if (progress is null) continue;
            var w = weight ?? 1;
            sum += progress.Value * w;
            weights += w;
        }
        return weights > 0 ? sum / weights : null;
    }
}
