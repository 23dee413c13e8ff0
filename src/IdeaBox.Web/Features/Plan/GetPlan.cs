using IdeaBox.Data;
using IdeaBox.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Plan;

/// <summary>The whole plan as a tree, with codes, progress rolled up, and the entries and votes behind each project.</summary>
public sealed record GetPlan : IQuery<PlanTree>;

public sealed record PlanTree(IReadOnlyList<PlanItem> Axes)
{
    public IEnumerable<PlanItem> All() => Axes.SelectMany(a => a.SelfAndDescendants());

    public PlanItem? Find(int id) => All().FirstOrDefault(n => n.Id == id);
}

public sealed record CarriedEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

public sealed record PlanItem(
    int Id, PlanLevel Level, string Code, string Title, string? Description, double? Weight, int Position,
    int? OwnerId, string? OwnerName, string? OwnerEmail, int? UnitId, string? UnitName,
    ProjectStatus ProjectStatus, int Progress, DateOnly? StartDate, DateOnly? DueDate,
    /// <summary>A project's own progress, or the weighted average of the children that count; null when nothing counts.</summary>
    double? RolledUpProgress,
    IReadOnlyList<PlanItem> Children, IReadOnlyList<CarriedEntry> Entries)
{
    public int TotalVotes => Level == PlanLevel.Project ? Entries.Sum(e => e.VoteCount) : Children.Sum(c => c.TotalVotes);

    public IEnumerable<PlanItem> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public sealed class GetPlanHandler(IdeaBoxDb db) : IQueryHandler<GetPlan, PlanTree>
{
    public async ValueTask<PlanTree> Handle(GetPlan query, CancellationToken ct) => await PlanLoader.LoadAsync(db, ct);
}

/// <summary>Builds the tree in memory: a plan has tens or hundreds of nodes, never more.</summary>
public static class PlanLoader
{
    public static async Task<PlanTree> LoadAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var nodes = await db.PlanNodes.AsNoTracking()
            .Select(n => new
            {
                n.Id, n.Level, n.ParentId, n.Position, n.Title, n.Description, n.Weight, n.OwnerId,
                OwnerName = n.Owner == null ? null : n.Owner.DisplayName, OwnerEmail = n.Owner == null ? null : n.Owner.Email,
                n.UnitId, UnitName = n.Unit == null ? null : n.Unit.Name, n.ProjectStatus, n.Progress, n.StartDate, n.DueDate,
            })
            .ToListAsync(ct);
        // Hidden and merged entries are not shown behind a project.
        var carried = await db.ProjectEntries.AsNoTracking()
            .Join(db.Entries.Where(e => e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged),
                pe => pe.EntryId, e => e.Id, (pe, e) => new { pe.ProjectId, Entry = new CarriedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount) })
            .ToListAsync(ct);
        var entriesByProject = carried.ToLookup(c => c.ProjectId, c => c.Entry);
        var children = nodes.ToLookup(n => n.ParentId);

        List<PlanItem> Build(int? parentId, IReadOnlyList<int> parentOrdinals) =>
            children[parentId].OrderBy(n => n.Position).ThenBy(n => n.Id)
                .Select((n, index) =>
                {
                    var ordinals = parentOrdinals.Append(index + 1).ToList();
                    var kids = Build(n.Id, ordinals);
                    var progress = n.Level == PlanLevel.Project
                        ? PlanRules.ProjectProgress(n.ProjectStatus, n.Progress)
                        : PlanRules.RollUp(kids.Select(k => (k.RolledUpProgress, k.Weight)));
                    return new PlanItem(n.Id, n.Level, PlanRules.Code(n.Level, ordinals), n.Title, n.Description, n.Weight, n.Position,
                        n.OwnerId, n.OwnerName, n.OwnerEmail, n.UnitId, n.UnitName, n.ProjectStatus, n.Progress, n.StartDate, n.DueDate,
                        progress, kids, entriesByProject[n.Id].OrderByDescending(e => e.VoteCount).ToList());
                })
                .ToList();

        return new PlanTree(Build(null, []));
    }
}
