using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Search;
using IdeaBox.Web.Infrastructure;
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

/// <summary>An entry and its search relevance (0 when there is no search).</summary>
public sealed class RankedEntry
{
    public required Entry Entry { get; init; }
    public double Rank { get; init; }
}

public sealed class ListEntriesHandler(IdeaBoxDb db, ICurrentUser user, IEntrySearch search) : IQueryHandler<ListEntries, EntryListPage>
{
    public async ValueTask<EntryListPage> Handle(ListEntries query, CancellationToken ct)
    {
        var ranked = await FilteredAsync(db, user, search, query, ct);
        var total = await ranked.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListEntries.PageSize - 1) / ListEntries.PageSize));

        // The page's ids first (the search hits have no key to correlate the themes with), then their details.
        var ids = await Sorted(ranked, query)
            .Skip((page - 1) * ListEntries.PageSize)
            .Take(ListEntries.PageSize)
            .Select(r => r.Entry.Id)
            .ToListAsync(ct);
        var items = await Summaries(db, ids, ct);
        return new EntryListPage(items, total, page, ListEntries.PageSize);
    }

    /// <summary>The cards of these entries, in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<EntrySummary>> Summaries(IdeaBoxDb db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var byId = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EntrySummary(
                e.Id, e.Kind, e.Title, e.Status, e.Unit!.Name,
                e.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                e.VoteCount, e.CommentCount, e.CreatedAt))
            .ToDictionaryAsync(e => e.Id, ct);
        return ids.Select(id => byId[id]).ToList();
    }

    /// <summary>The sort asked for; a search without an explicit sort is by relevance.</summary>
    public static IQueryable<RankedEntry> Sorted(IQueryable<RankedEntry> ranked, ListEntries query) => query.Sort switch
    {
        EntrySort.Newest => ranked.OrderByDescending(r => r.Entry.CreatedAt).ThenByDescending(r => r.Entry.Id),
        EntrySort.MostVotes => ranked.OrderByDescending(r => r.Entry.VoteCount).ThenByDescending(r => r.Entry.Id),
        EntrySort.MostDiscussed => ranked.OrderByDescending(r => r.Entry.CommentCount).ThenByDescending(r => r.Entry.Id),
        EntrySort.Relevance when !string.IsNullOrWhiteSpace(query.Text) => ranked.OrderBy(r => r.Rank).ThenByDescending(r => r.Entry.Id),
        _ => ranked.OrderByDescending(r => r.Entry.TrendingScore).ThenByDescending(r => r.Entry.Id),
    };

    /// <summary>The entries the list (and its export) shows for these filters and this search, not yet sorted.</summary>
    public static async Task<IQueryable<RankedEntry>> FilteredAsync(IdeaBoxDb db, ICurrentUser user, IEntrySearch search, ListEntries query, CancellationToken ct)
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
        if (string.IsNullOrWhiteSpace(query.Text))
            return entries.Select(e => new RankedEntry { Entry = e, Rank = 0 });
        return entries.Join(search.Hits(db, query.Text), e => e.Id, h => h.EntryId, (e, h) => new RankedEntry { Entry = e, Rank = h.Rank });
    }
}
