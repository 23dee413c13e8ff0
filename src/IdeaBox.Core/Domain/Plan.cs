namespace IdeaBox.Domain;

/// <summary>The four levels of the strategic plan, from the top.</summary>
public enum PlanLevel
{
    Axis = 1,
    StrategicObjective = 2,
    OperationalObjective = 3,
    Project = 4,
}

public enum ProjectStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Abandoned = 3,
}

/// <summary>
/// A node of the plan: an axis, a strategic objective, an operational objective or a project
/// (one table, a level column, like entries). The code (A1, OS1.2, OO1.2.3, P1.2.3.4) is never
/// stored: it is the position of the node and of its ancestors among their siblings, so it
/// follows when items are reordered.
/// </summary>
public sealed class PlanNode
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public int Id { get; set; }
    public PlanLevel Level { get; set; }
    public int? ParentId { get; set; }
    public PlanNode? Parent { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>The node's weight in its parent's progress; null counts as 1.</summary>
    public double? Weight { get; set; }

    // Projects only.
    public int? OwnerId { get; set; }
    public AppUser? Owner { get; set; }
    public int? UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public ProjectStatus ProjectStatus { get; set; }
    public int Progress { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? DueDate { get; set; }
}

/// <summary>An entry carried by a project (many to many).</summary>
public sealed class ProjectEntry
{
    public int ProjectId { get; set; }
    public int EntryId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A dated note on a project's progress.</summary>
public sealed class ProjectNote
{
    public const int BodyMaxLength = 4000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public DateTime At { get; set; }
    public required string Body { get; set; }
    public int? Progress { get; set; }
}

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
