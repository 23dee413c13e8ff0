namespace IdeaBox.Web.Features.Admin;

/// <summary>The security log, newest first, filtered by account, kind and period (local days); a page at a time, or all of it for a download.</summary>
[Requires(Permissions.Administer)]
public sealed record ListSecurityEvents(int? UserId, SecurityEventKind? Kind, DateOnly? From, DateOnly? To, int Page = 1, bool All = false)
    : IQuery<SecurityEventPage>
{
    public const int PageSize = 50;
    /// <summary>A download holds at most this many lines; narrow the period for more.</summary>
    public const int ExportLimit = 100_000;
}

public sealed record SecurityEventPage(IReadOnlyList<SecurityEventRow> Items, Paging Paging);

public sealed class ListSecurityEventsHandler(IdeaBoxDb db) : IQueryHandler<ListSecurityEvents, SecurityEventPage>
{
    public async ValueTask<SecurityEventPage> Handle(ListSecurityEvents query, CancellationToken ct)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (query.UserId is { } userId) events = events.Where(e => e.UserId == userId || e.ActorId == userId);
        if (query.Kind is { } kind) events = events.Where(e => e.Kind == kind);
        if (query.From is { } from)
        {
            var start = Display.StartOfDayUtc(from);
            events = events.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Display.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.At < end);
        }
        var rows = SecurityEventRow.Query(db, events);
        if (query.All)
        {
            var all = await rows.Take(ListSecurityEvents.ExportLimit).ToListAsync(ct);
            return new SecurityEventPage(all, Paging.Of(1, all.Count, Math.Max(1, all.Count)));
        }
        var paging = Paging.Of(query.Page, await events.CountAsync(ct), ListSecurityEvents.PageSize);
        return new SecurityEventPage(await rows.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct), paging);
    }
}
