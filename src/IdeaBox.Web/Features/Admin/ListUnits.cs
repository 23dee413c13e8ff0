namespace IdeaBox.Web.Features.Admin;

public sealed record UnitRow(int Id, string Name, string? Code, int? ParentId, int Depth, int UserCount);

/// <summary>The unit tree, in tree order, with how many users each unit has.</summary>
[Requires(Permissions.Administer)]
public sealed record ListUnits : IQuery<IReadOnlyList<UnitRow>>;

public sealed class ListUnitsHandler(IdeaBoxDb db) : IQueryHandler<ListUnits, IReadOnlyList<UnitRow>>
{
    public async ValueTask<IReadOnlyList<UnitRow>> Handle(ListUnits query, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.Code, u.ParentId, u.Depth, Users = db.Users.Count(x => x.UnitId == u.Id && x.DeletedAt == null) }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitRow>();
        void Walk(int? parent)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name))
            {
                rows.Add(new UnitRow(u.Id, u.Name, u.Code, u.ParentId, u.Depth, u.Users));
                Walk(u.Id);
            }
        }
        Walk(null);
        return rows;
    }
}
