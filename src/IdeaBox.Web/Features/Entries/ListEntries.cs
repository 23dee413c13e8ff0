using IdeaBox.Data;
using IdeaBox.Domain;
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
}

/// <summary>The paged, filtered list of entries. A unit filter includes every unit below it.</summary>
public sealed record ListEntries(
    EntryKind? Kind = null,
    int? ThemeId = null,
    int? UnitId = null,
    EntryStatus? Status = null,
    EntrySort Sort = EntrySort.Trending,
    int Page = 1,
    EntryOrigin? Origin = null) : IQuery<EntryListPage>
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

public sealed class ListEntriesHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListEntries, EntryListPage>
{
    public async ValueTask<EntryListPage> Handle(ListEntries query, CancellationToken ct)
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

        var total = await entries.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListEntries.PageSize - 1) / ListEntries.PageSize));

        entries = query.Sort switch
        {
            EntrySort.Newest => entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
            EntrySort.MostVotes => entries.OrderByDescending(e => e.VoteCount).ThenByDescending(e => e.Id),
            EntrySort.MostDiscussed => entries.OrderByDescending(e => e.CommentCount).ThenByDescending(e => e.Id),
            _ => entries.OrderByDescending(e => e.TrendingScore).ThenByDescending(e => e.Id),
        };

        var items = await entries
            .Skip((page - 1) * ListEntries.PageSize)
            .Take(ListEntries.PageSize)
            .Select(e => new EntrySummary(
                e.Id, e.Kind, e.Title, e.Status, e.Unit!.Name,
                e.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                e.VoteCount, e.CommentCount, e.CreatedAt))
            .ToListAsync(ct);

        return new EntryListPage(items, total, page, ListEntries.PageSize);
    }
}
