namespace IdeaBox.Web.Features.Plan;

/// <summary>The plan as a tree, as every page and figure reads it.</summary>
public sealed record PlanTree(IReadOnlyList<PlanItem> Axes)
{
    public IEnumerable<PlanItem> All() => Axes.SelectMany(a => a.SelfAndDescendants());

    public PlanItem? Find(int id) => All().FirstOrDefault(n => n.Id == id);

    /// <summary>The nodes above <paramref name="id"/>, from its axis down to its parent (empty for an axis or an unknown id).</summary>
    public IReadOnlyList<PlanItem> AncestorsOf(int id)
    {
        var path = new List<PlanItem>();
        bool Walk(PlanItem node)
        {
            if (node.Id == id) return true;
            path.Add(node);
            if (node.Children.Any(Walk)) return true;
            path.RemoveAt(path.Count - 1);
            return false;
        }
        return Axes.Any(Walk) ? path : [];
    }
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
    /// <summary>The votes of the entries this node and the nodes below it carry, each entry once.</summary>
    public int TotalVotes => SelfAndDescendants().SelectMany(n => n.Entries).DistinctBy(e => e.Id).Sum(e => e.VoteCount);

    public IEnumerable<PlanItem> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}
