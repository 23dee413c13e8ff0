namespace IdeaBox.Web.Features.Entries;

/// <summary>Every entry of the filtered list (not just one page), in the list's order, for a download.</summary>
[AnySignedInUser]
public sealed record ExportEntries(ListEntries Filters) : IQuery<IReadOnlyList<EntryExportRow>>
{
    public const int MaxRows = 100_000;
}

public sealed record EntryExportRow(int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName, string Themes,
    EntryOrigin Origin, int VoteCount, int CommentCount, DateTime CreatedAt);

public sealed class ExportEntriesHandler(IdeaBoxDb db, EntryListQuery list) : IQueryHandler<ExportEntries, IReadOnlyList<EntryExportRow>>
{
    public async ValueTask<IReadOnlyList<EntryExportRow>> Handle(ExportEntries query, CancellationToken ct)
    {
        var filtered = await list.FilterAsync(query.Filters, ct);
        var order = await EntryListQuery.PageIdsAsync(filtered, query.Filters.Sort, 0, ExportEntries.MaxRows, ct);
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = (await filtered.Entries
            .Select(e => new { e.Id, e.Kind, e.Title, e.Status, UnitName = e.Unit!.Name, e.Origin, e.VoteCount, e.CommentCount, e.CreatedAt })
            .ToListAsync(ct))
            .Where(r => position.ContainsKey(r.Id)).OrderBy(r => position[r.Id]).ToList();
        var themes = await EntryThemeNames.ForAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new EntryExportRow(r.Id, r.Kind, r.Title, r.Status, r.UnitName, string.Join(" | ", themes[r.Id]),
            r.Origin, r.VoteCount, r.CommentCount, r.CreatedAt)).ToList();
    }
}
