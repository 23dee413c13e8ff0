namespace IdeaBox.Web.Features.Entries;

/// <summary>The paged, filtered list of entries. A unit filter includes every unit below it.</summary>
/// <param name="Text">Words to search in titles and bodies (accents and case ignored).</param>
[AnySignedInUser]
public sealed record ListEntries(
    EntryKind? Kind = null,
    int? ThemeId = null,
    int? UnitId = null,
    EntryStatus? Status = null,
    EntrySort Sort = EntrySort.Trending,
    int Page = 1,
    EntryOrigin? Origin = null,
    string? Text = null,
    bool Transversal = false,
    int? CallId = null) : IQuery<EntryListPage>
{
    public const int PageSize = 20;
}

public sealed record EntryListPage(IReadOnlyList<EntrySummary> Items, Paging Paging);

public sealed record EntrySummary(
    int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName,
    IReadOnlyList<string> Themes, int VoteCount, int CommentCount, DateTime CreatedAt, int? CallId = null);

public sealed class ListEntriesHandler(IdeaBoxDb db, EntryListQuery list) : IQueryHandler<ListEntries, EntryListPage>
{
    public async ValueTask<EntryListPage> Handle(ListEntries query, CancellationToken ct)
    {
        var filtered = await list.FilterAsync(query, ct);
        Paging paging;
        List<CardRow> rows;
        if (filtered.Ranks is not null && query.Sort == EntrySort.Relevance)
        {
            // The matches that pass the filters are read once: their number is the count.
            var ranked = await EntryListQuery.RankedIdsAsync(filtered, ct);
            paging = Paging.Of(query.Page, ranked.Count, ListEntries.PageSize);
            var ids = ranked.Skip(paging.Skip).Take(paging.PageSize).ToList();
            var byId = await Cards(db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(e => e.Id, ct);
            rows = ids.Select(id => byId[id]).ToList();
        }
        else
        {
            paging = Paging.Of(query.Page, await list.CountAsync(filtered, query, ct), ListEntries.PageSize);
            rows = await Cards(EntryListQuery.Sorted(filtered.Entries, query.Sort).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        }
        var themes = await EntryThemeNames.ForAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(e => new EntrySummary(
            e.Id, e.Kind, e.Title, e.Status, e.UnitName, themes[e.Id].ToList(), e.VoteCount, e.CommentCount, e.CreatedAt, e.CallId)).ToList();
        return new EntryListPage(items, paging);
    }

    private sealed record CardRow(int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName, int VoteCount, int CommentCount, DateTime CreatedAt,
        int? CallId);

    private static IQueryable<CardRow> Cards(IQueryable<Entry> entries) =>
        entries.Select(e => new CardRow(e.Id, e.Kind, e.Title, e.Status, e.Unit!.Name, e.VoteCount, e.CommentCount, e.CreatedAt, e.CallId));
}
