using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Search;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>Every entry of the filtered list (not just one page), in the list's order, for a download.</summary>
public sealed record ExportEntries(ListEntries Filters) : IQuery<IReadOnlyList<EntryExportRow>>
{
    public const int MaxRows = 100_000;
}

public sealed record EntryExportRow(int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName, string Themes,
    EntryOrigin Origin, int VoteCount, int CommentCount, DateTime CreatedAt);

public sealed class ExportEntriesHandler(IdeaBoxDb db, ICurrentUser user, IEntrySearch search, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : IQueryHandler<ExportEntries, IReadOnlyList<EntryExportRow>>
{
    public async ValueTask<IReadOnlyList<EntryExportRow>> Handle(ExportEntries query, CancellationToken ct)
    {
        var filtered = await ListEntriesHandler.FilterAsync(db, user, search, cache, query.Filters, ct);
        var order = await ListEntriesHandler.PageIdsAsync(filtered, query.Filters, 0, ExportEntries.MaxRows, ct);
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = (await filtered.Entries
            .Select(e => new { e.Id, e.Kind, e.Title, e.Status, UnitName = e.Unit!.Name, e.Origin, e.VoteCount, e.CommentCount, e.CreatedAt })
            .ToListAsync(ct))
            .Where(r => position.ContainsKey(r.Id)).OrderBy(r => position[r.Id]).ToList();
        // The themes of every entry, in one query over the link table.
        var ids = rows.Select(r => r.Id).ToHashSet();
        var themes = await db.Set<Dictionary<string, object>>("EntryThemes")
            .Join(db.Themes, l => EF.Property<int>(l, "ThemesId"), t => t.Id, (l, t) => new { EntryId = EF.Property<int>(l, "EntriesId"), t.Name })
            .ToListAsync(ct);
        var themesOf = themes.Where(t => ids.Contains(t.EntryId)).ToLookup(t => t.EntryId, t => t.Name);
        return rows.Select(r => new EntryExportRow(r.Id, r.Kind, r.Title, r.Status, r.UnitName, string.Join(" | ", themesOf[r.Id].Order()),
            r.Origin, r.VoteCount, r.CommentCount, r.CreatedAt)).ToList();
    }
}
