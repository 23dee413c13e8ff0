using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Search;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

public enum EntrySort
{
    Trending = 0,
    Newest = 1,
    MostVotes = 2,
    MostDiscussed = 3,
    /// <summary>The best matches of a search first.</summary>
    Relevance = 4,
}

/// <summary>The paged, filtered list of entries. A unit filter includes every unit below it.</summary>
public sealed record ListEntries(
    EntryKind? Kind = null,
    int? ThemeId = null,
    int? UnitId = null,
    EntryStatus? Status = null,
    EntrySort Sort = EntrySort.Trending,
    int Page = 1,
    EntryOrigin? Origin = null,
    /// <summary>Words to search in titles and bodies (accents and case ignored).</summary>
    string? Text = null) : IQuery<EntryListPage>
{
    public const int PageSize = 20;
}

public sealed record EntryListPage(IReadOnlyList<EntrySummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record EntrySummary(
    int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName,
    IReadOnlyList<string> Themes, int VoteCount, int CommentCount, DateTime CreatedAt);

/// <summary>The entries a list shows, and for a search the relevance of each match (lower is better).</summary>
public sealed record FilteredEntries(IQueryable<Entry> Entries, IReadOnlyDictionary<int, double>? Ranks);

public sealed class ListEntriesHandler(IdeaBoxDb db, ICurrentUser user, IEntrySearch search, IMemoryCache cache) : IQueryHandler<ListEntries, EntryListPage>
{
    /// <summary>
    /// How long a large number of results, and the matches of a search, are reused: counting or
    /// ranking 100,000 rows on every page view costs more than the page. Counts under
    /// <see cref="ExactBelow"/> are always exact.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    public const int ExactBelow = 5_000;

    public async ValueTask<EntryListPage> Handle(ListEntries query, CancellationToken ct)
    {
        var filtered = await FilterAsync(db, user, search, cache, query, ct);
        var key = $"entry-count:{query.Kind}:{query.ThemeId}:{query.UnitId}:{query.Status}:{query.Origin}:{query.Text}:{user.IsModerator}";
        if (!cache.TryGetValue(key, out int total))
        {
            total = await filtered.Entries.CountAsync(ct);
            if (total >= ExactBelow) cache.Set(key, total, Freshness);
        }
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListEntries.PageSize - 1) / ListEntries.PageSize));
        var skip = (page - 1) * ListEntries.PageSize;
        List<CardRow> rows;
        if (filtered.Ranks is not null && query.Sort == EntrySort.Relevance)
        {
            var ids = await PageIdsAsync(filtered, query, skip, ListEntries.PageSize, ct);
            var byId = await Cards(db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(e => e.Id, ct);
            rows = ids.Select(id => byId[id]).ToList();
        }
        else
        {
            rows = await Cards(Sorted(filtered.Entries, query.Sort).Skip(skip).Take(ListEntries.PageSize)).ToListAsync(ct);
        }
        var themes = await EntryThemeNames.ForAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(e => new EntrySummary(
            e.Id, e.Kind, e.Title, e.Status, e.UnitName, themes[e.Id].ToList(), e.VoteCount, e.CommentCount, e.CreatedAt)).ToList();
        return new EntryListPage(items, total, page, ListEntries.PageSize);
    }

    private sealed record CardRow(int Id, EntryKind Kind, string Title, EntryStatus Status, string UnitName, int VoteCount, int CommentCount, DateTime CreatedAt);

    private static IQueryable<CardRow> Cards(IQueryable<Entry> entries) =>
        entries.Select(e => new CardRow(e.Id, e.Kind, e.Title, e.Status, e.Unit!.Name, e.VoteCount, e.CommentCount, e.CreatedAt));

    private static IQueryable<Entry> Sorted(IQueryable<Entry> entries, EntrySort sort) => sort switch
    {
        EntrySort.Newest => entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
        EntrySort.MostVotes => entries.OrderByDescending(e => e.VoteCount).ThenByDescending(e => e.Id),
        EntrySort.MostDiscussed => entries.OrderByDescending(e => e.CommentCount).ThenByDescending(e => e.Id),
        _ => entries.OrderByDescending(e => e.TrendingScore).ThenByDescending(e => e.Id),
    };

    /// <summary>The ids of one page (or of everything, for an export) in the order asked for; a search without an explicit sort is by relevance.</summary>
    public static async Task<List<int>> PageIdsAsync(FilteredEntries filtered, ListEntries query, int skip, int take, CancellationToken ct)
    {
        if (filtered.Ranks is { } ranks && query.Sort == EntrySort.Relevance)
        {
            // At most IEntrySearch.MaxHits matches: ordered here by their rank.
            var matching = await filtered.Entries.Select(e => e.Id).ToListAsync(ct);
            return matching.OrderBy(id => ranks[id]).ThenByDescending(id => id).Skip(skip).Take(take).ToList();
        }
        return await Sorted(filtered.Entries, query.Sort).Skip(skip).Take(take).Select(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The entries the list (and its export) shows for these filters and this search, not yet sorted.</summary>
    public static async Task<FilteredEntries> FilterAsync(IdeaBoxDb db, ICurrentUser user, IEntrySearch search, IMemoryCache cache,
        ListEntries query, CancellationToken ct)
    {
        var entries = db.Entries.AsNoTracking();

        if (query.Status is { } status)
        {
            // Hidden entries are for moderators; anyone else asking for them gets an empty list.
            var allowed = status != EntryStatus.Hidden || user.IsModerator;
            entries = entries.Where(e => allowed && e.Status == status);
        }
        else
        {
            entries = entries.Where(e => e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged);
        }
        entries = await entries.FilterAsync(db, query.Kind, query.ThemeId, query.UnitId, query.Origin, ct);
        if (string.IsNullOrWhiteSpace(query.Text)) return new FilteredEntries(entries, null);

        // The best matches of the words, the same for everyone: a long list (a common word) is reused for a few seconds.
        var key = "search:" + string.Join(' ', SearchText.Words(query.Text));
        if (!cache.TryGetValue(key, out Dictionary<int, double>? ranks) || ranks is null)
        {
            ranks = (await search.Hits(db, query.Text).ToListAsync(ct)).GroupBy(h => h.EntryId).ToDictionary(g => g.Key, g => g.Min(h => h.Rank));
            if (ranks.Count >= ExactBelow / 25) cache.Set(key, ranks, Freshness);
        }
        var ids = ranks.Keys.ToList();
        return new FilteredEntries(entries.Where(e => ids.Contains(e.Id)), ranks);
    }
}
