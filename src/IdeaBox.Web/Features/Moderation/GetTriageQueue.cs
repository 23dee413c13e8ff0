using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>The moderators' queue: entries in one state (by default, awaiting review), oldest first, with the count of every state.</summary>
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

public sealed record TriageQueue(IReadOnlyList<TriageItem> Items, IReadOnlyDictionary<EntryStatus, int> Counts, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class GetTriageQueueHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetTriageQueue, TriageQueue>
{
    public async ValueTask<TriageQueue> Handle(GetTriageQueue query, CancellationToken ct)
    {
        user.MustModerate();
        var filtered = await db.Entries.AsNoTracking().FilterAsync(db, query.Kind, query.ThemeId, query.UnitId, query.Origin, ct);

        var counts = await filtered.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<EntryStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);

        var inState = filtered.Where(e => e.Status == query.Status);
        var total = byStatus[query.Status];
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + GetTriageQueue.PageSize - 1) / GetTriageQueue.PageSize));
        var items = await inState.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * GetTriageQueue.PageSize).Take(GetTriageQueue.PageSize)
            .Select(e => new TriageItem(e.Id, e.Kind, e.Title, e.Origin, e.Unit!.Name, e.VoteCount, e.CreatedAt))
            .ToListAsync(ct);
        return new TriageQueue(items, byStatus, total, page, GetTriageQueue.PageSize);
    }
}
