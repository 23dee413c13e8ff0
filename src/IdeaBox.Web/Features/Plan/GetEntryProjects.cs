namespace IdeaBox.Web.Features.Plan;

/// <summary>The projects that carry an entry, with their codes, for the entry's page.</summary>
[AnySignedInUser]
public sealed record GetEntryProjects(int EntryId) : IQuery<IReadOnlyList<PlanItem>>;

public sealed class GetEntryProjectsHandler(IdeaBoxDb db) : IQueryHandler<GetEntryProjects, IReadOnlyList<PlanItem>>
{
    public async ValueTask<IReadOnlyList<PlanItem>> Handle(GetEntryProjects query, CancellationToken ct)
    {
        var ids = await db.ProjectEntries.Where(pe => pe.EntryId == query.EntryId).Select(pe => pe.ProjectId).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var tree = await PlanLoader.LoadAsync(db, ct);
        return tree.All().Where(n => ids.Contains(n.Id)).ToList();
    }
}
