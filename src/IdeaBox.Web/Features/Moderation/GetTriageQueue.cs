using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>The moderators' queue: entries in one state (by default, awaiting review), oldest first, with the count of every state.</summary>
[Requires(Permissions.Moderate)]
public sealed record GetTriageQueue(
    EntryStatus Status = EntryStatus.Submitted,
    EntryKind? Kind = null,
    int? UnitId = null,
    int? ThemeId = null,
    EntryOrigin? Origin = null,
    int Page = 1) : IQuery<TriageQueue>
{
    public const int PageSize = 50;
}

public sealed record TriageItem(int Id, EntryKind Kind, string Title, EntryOrigin Origin, string UnitName, int VoteCount, DateTime CreatedAt);

public sealed record TriageQueue(IReadOnlyList<TriageItem> Items, IReadOnlyDictionary<EntryStatus, int> Counts, Paging Paging);

public sealed class GetTriageQueueHandler(IdeaBoxDb db) : IQueryHandler<GetTriageQueue, TriageQueue>
{
    public async ValueTask<TriageQueue> Handle(GetTriageQueue query, CancellationToken ct)
    {
        var filtered = await db.Entries.AsNoTracking().FilterAsync(db, query.Kind, query.ThemeId, query.UnitId, query.Origin, ct);

        var counts = await filtered.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<EntryStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);

        var paging = Paging.Of(query.Page, byStatus.GetValueOrDefault(query.Status), GetTriageQueue.PageSize);
        var items = await filtered.Where(e => e.Status == query.Status).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new TriageItem(e.Id, e.Kind, e.Title, e.Origin, e.Unit!.Name, e.VoteCount, e.CreatedAt))
            .ToListAsync(ct);
        return new TriageQueue(items, byStatus, paging);
    }
}
