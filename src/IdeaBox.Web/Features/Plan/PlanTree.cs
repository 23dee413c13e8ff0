namespace IdeaBox.Web.Features.Plan;

/// <summary>The plan as a tree, as every page and figure reads it.</summary>
public sealed record PlanTree(IReadOnlyList<PlanItem> Axes)
{
    public IEnumerable<PlanItem> All() => Axes.SelectMany(a => a.SelfAndDescendants());

    public PlanItem? Find(int id) => All().FirstOrDefault(n => n.Id == id);
}

public sealed record CarriedEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

/// <param name="RolledUpProgress">A project's own progress, or the weighted average of the children that count; null when nothing counts.</param>
public sealed record PlanItem(
    int Id, PlanLevel Level, string Code, string Title, string? Description, double? Weight, int Position,
    int? OwnerId, string? OwnerName, string? OwnerEmail, int? UnitId, string? UnitName,
    ProjectStatus ProjectStatus, int Progress, DateOnly? StartDate, DateOnly? DueDate,
    double? RolledUpProgress,
    IReadOnlyList<PlanItem> Children, IReadOnlyList<CarriedEntry> Entries)
{
    public int TotalVotes => Level == PlanLevel.Project ? Entries.Sum(e => e.VoteCount) : Children.Sum(c => c.TotalVotes);

    public IEnumerable<PlanItem> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
