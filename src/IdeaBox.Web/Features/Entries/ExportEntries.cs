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

public sealed class ExportEntriesHandler(IdeaBoxDb db, ICurrentUser user, IEntrySearch search) : IQueryHandler<ExportEntries, IReadOnlyList<EntryExportRow>>
{
    public async ValueTask<IReadOnlyList<EntryExportRow>> Handle(ExportEntries query, CancellationToken ct)
    {
        var ranked = await ListEntriesHandler.FilteredAsync(db, user, search, query.Filters, ct);
        var rows = await ListEntriesHandler.Sorted(ranked, query.Filters).Take(ExportEntries.MaxRows)
            .Select(r => new { r.Entry.Id, r.Entry.Kind, r.Entry.Title, r.Entry.Status, UnitName = r.Entry.Unit!.Name, r.Entry.Origin,
                r.Entry.VoteCount, r.Entry.CommentCount, r.Entry.CreatedAt })
            .ToListAsync(ct);
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
