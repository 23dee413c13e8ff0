namespace IdeaBox.Domain;

/// <summary>
/// A node of the plan: an axis, a strategic objective, an operational objective or a project
/// (one table, a level column, like entries). The code (A1, OS1.2, OO1.2.3, P1.2.3.4) is never
/// stored: it is the position of the node and of its ancestors among their siblings, so it
/// follows when items are reordered (see <see cref="PlanRules"/>).
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

    /// <summary>A project's progress note moves its progress, unless it is already done.</summary>
    public void ReportProgress(int? progress)
    {
        if (progress is { } value && ProjectStatus != ProjectStatus.Done) Progress = Math.Clamp(value, 0, 100);
    }
}
