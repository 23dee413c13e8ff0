using IdeaBox.Web.Infrastructure.Search;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Entries;

/// <summary>The entries a list shows, and for a search the relevance of each match (lower is better).</summary>
public sealed record FilteredEntries(IQueryable<Entry> Entries, IReadOnlyDictionary<int, double>? Ranks);

/// <summary>
/// What the entry list and its export share: the filters and the search, the count, and the order
/// of the ids. A unit filter includes every unit below it.
/// </summary>
public sealed class EntryListQuery(IdeaBoxDb db, ICurrentUser user, IEntrySearch search, SearchRanks searches, IFusionCache cache,
    IOptions<TransversalOptions> transversal)
{
    /// <summary>
    /// How long a large number of results, and the matches of a search, are reused: counting or
    /// ranking 100,000 rows on every page view costs more than the page. Counts under
    /// <see cref="ExactBelow"/> are always exact.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    public const int ExactBelow = 5_000;

    /// <summary>The entries the list (and its export) shows for these filters and this search, not yet sorted.</summary>
    public async Task<FilteredEntries> FilterAsync(ListEntries query, CancellationToken ct)
    {
        var entries = db.Entries.AsNoTracking();
        if (query.Status is { } status)
        {
            // Hidden entries are for moderators; anyone else asking for them gets an empty list.
            var allowed = status != EntryStatus.Hidden || user.Moderates;
            entries = entries.Where(e => allowed && e.Status == status);
        }
        else
        {
            entries = entries.Where(EntryRules.Listed);
        }
        entries = await entries.FilterAsync(db, query.Kind, query.ThemeId, query.UnitId, query.Origin, ct);
        if (query.Transversal)
        {
            var min = transversal.Value.MinAdministrations;
            entries = entries.Where(e => e.SupportAdministrations >= min);
        }
        if (query.CallId is { } callId) entries = entries.Where(e => e.CallId == callId);
        if (string.IsNullOrWhiteSpace(query.Text)) return new FilteredEntries(entries, null);

        // The best matches of the words, the same for everyone: kept until an entry's text changes.
        var ranks = await searches.GetOrRankAsync(SearchText.Words(query.Text), async () =>
            (await search.Hits(db, query.Text).ToListAsync(ct)).GroupBy(h => h.EntryId).ToDictionary(g => g.Key, g => g.Min(h => h.Rank)));
        var ids = ranks.Keys.ToList();
        return new FilteredEntries(entries.Where(e => ids.Contains(e.Id)), ranks);
    }

    /// <summary>How many entries match; a large count is reused for <see cref="Freshness"/>.</summary>
    public async Task<int> CountAsync(FilteredEntries filtered, ListEntries query, CancellationToken ct)
    {
        var key = $"entry-count:{query.Kind}:{query.ThemeId}:{query.UnitId}:{query.Status}:{query.Origin}:{query.Text}:{query.Transversal}:{query.CallId}:{user.Moderates}";
        if (await cache.TryGetAsync<int>(key, token: ct) is { HasValue: true } kept) return kept.Value;
        var total = await filtered.Entries.CountAsync(ct);
        if (total >= ExactBelow) await cache.SetAsync(key, total, Freshness, ct);
        return total;
    }

    /// <summary>The ids of one page (or of everything, for an export) in the order asked for; a search without an explicit sort is by relevance.</summary>
    public static async Task<List<int>> PageIdsAsync(FilteredEntries filtered, EntrySort sort, int skip, int take, CancellationToken ct)
    {
        if (filtered.Ranks is not null && sort == EntrySort.Relevance)
            return (await RankedIdsAsync(filtered, ct)).Skip(skip).Take(take).ToList();
        return await Sorted(filtered.Entries, sort).Skip(skip).Take(take).Select(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Every match that passes the filters, best first: at most <see cref="IEntrySearch.MaxHits"/>, ordered here by their rank.</summary>
    public static async Task<List<int>> RankedIdsAsync(FilteredEntries filtered, CancellationToken ct)
    {
        var ranks = filtered.Ranks ?? throw new InvalidOperationException("Not a search.");
        var matching = await filtered.Entries.Select(e => e.Id).ToListAsync(ct);
        return matching.OrderBy(id => ranks[id]).ThenByDescending(id => id).ToList();
    }

    public static IQueryable<Entry> Sorted(IQueryable<Entry> entries, EntrySort sort) => sort switch
    {
        EntrySort.Newest => entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
        EntrySort.MostVotes => entries.OrderByDescending(e => e.VoteCount).ThenByDescending(e => e.Id),
        EntrySort.MostDiscussed => entries.OrderByDescending(e => e.CommentCount).ThenByDescending(e => e.Id),
        EntrySort.Transversal => entries.OrderByDescending(e => e.SupportAdministrations).ThenByDescending(e => e.SupportUnits)
            .ThenByDescending(e => e.VoteCount).ThenByDescending(e => e.Id),
        _ => entries.OrderByDescending(e => e.TrendingScore).ThenByDescending(e => e.Id),
    };
}
