using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// Every entry of the filtered list (not just one page), in the list's order, for a download. The rows
/// are read a thousand at a time while the file is written: the server holds the ids in order, never
/// the whole table.
/// </summary>
[Requires(Permissions.Export)]
public sealed record ExportEntries(ListEntries Filters) : IQuery<EntryExport>
{
    public const int MaxRows = 100_000;
    public const int ChunkSize = 1_000;
}

/// <summary>How many rows the file will have (at most; an entry hidden meanwhile is left out), and the rows as they are read.</summary>
public sealed record EntryExport(int Count, IAsyncEnumerable<EntryExportRow> Rows)
{
    /// <summary>The download as the list's page and the export job both write it, in the current culture.</summary>
    public TableExport Table(IStringLocalizer text, string baseUrl, DateTime today) => new($"ideabox-contributions-{today:yyyyMMdd}",
        [text["Export.Id"], text["Entries.Filter.Kind"], text["Form.Title"], text["Entries.Filter.Status"], text["Entries.Filter.Unit"], text["Entry.Themes"],
         text["Entries.Filter.Origin"], text["Dashboard.Col.Votes"], text["Dashboard.Col.Comments"], text["Export.SubmittedOn"], text["Export.Link"]],
        Rows.Select(IReadOnlyList<object?> (r) => [r.Id, text["Kind." + r.Kind].Value, r.Title, text["Status." + r.Status].Value, r.UnitName, r.Themes,
            text["Origin." + r.Origin].Value, r.VoteCount, r.CommentCount, r.CreatedAt, $"{baseUrl.TrimEnd('/')}/Entries/{r.Id}"]));
}

public sealed record EntryExportRow(int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName, string Themes,
    EntryOrigin Origin, int VoteCount, int CommentCount, DateTime CreatedAt);

public sealed class ExportEntriesHandler(IdeaBoxDb db, EntryListQuery list) : IQueryHandler<ExportEntries, EntryExport>
{
    public async ValueTask<EntryExport> Handle(ExportEntries query, CancellationToken ct)
    {
        var filtered = await list.FilterAsync(query.Filters, ct);
        var order = await EntryListQuery.PageIdsAsync(filtered, query.Filters.Sort, 0, ExportEntries.MaxRows, ct);
        return new EntryExport(order.Count, RowsAsync(filtered.Entries, order, ct));
    }

    private async IAsyncEnumerable<EntryExportRow> RowsAsync(IQueryable<Entry> entries, IReadOnlyList<int> order,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in order.Chunk(ExportEntries.ChunkSize))
        {
            // Still filtered: an entry hidden while the file is written is left out.
            var rows = await entries.AsNoTracking().Where(e => chunk.Contains(e.Id))
                .Select(e => new { e.Id, e.Kind, e.Title, e.Status, UnitName = e.Unit!.Name, e.Origin, e.VoteCount, e.CommentCount, e.CreatedAt })
                .ToDictionaryAsync(r => r.Id, ct);
            var themes = await EntryThemeNames.ForAsync(db, chunk, ct);
            foreach (var id in chunk)
            {
                if (!rows.TryGetValue(id, out var r)) continue;
                yield return new EntryExportRow(r.Id, r.Kind, r.Title, r.Status, r.UnitName, string.Join(" | ", themes[r.Id]),
                    r.Origin, r.VoteCount, r.CommentCount, r.CreatedAt);
            }
        }
    }
}
