namespace IdeaBox.Web.Features.Plan;

/// <summary>Builds the tree in memory: a plan has tens or hundreds of nodes, never more.</summary>
public static class PlanLoader
{
    /// <param name="withEntries">false for a reader of the nodes alone (codes, paths, progress): the entries behind
    /// each project, a thousand rows and more, are then not read.</param>
    public static async Task<PlanTree> LoadAsync(IdeaBoxDb db, CancellationToken ct, bool withEntries = true)
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
        var carried = withEntries
            ? await db.ProjectEntries.AsNoTracking()
                .Join(db.Entries.Where(EntryRules.Listed),
                    pe => pe.EntryId, e => e.Id, (pe, e) => new { pe.ProjectId, Entry = new CarriedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount) })
                .ToListAsync(ct)
            : [];
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

    /// <summary>The position after the last child of <paramref name="parentId"/> (the axes when null).</summary>
    public static async Task<int> NextPositionAsync(IdeaBoxDb db, int? parentId, CancellationToken ct) =>
        await db.PlanNodes.Where(n => n.ParentId == parentId).MaxAsync(n => (int?)n.Position, ct) + 1 ?? 1;
}
