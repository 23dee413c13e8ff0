using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>The audit trail, newest first: of one entry (shown on its page to moderators) or of everything, filtered.</summary>
public sealed record GetModerationLog(
    int? EntryId = null,
    AuditAction? Action = null,
    int? ActorId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1) : IQuery<ModerationLog>
{
    public const int PageSize = 50;
}

public sealed record AuditRow(long Id, DateTime At, AuditAction Action, string? ActorName, int? EntryId, string? EntryTitle,
    string? From, string? To, string? Reason);

public sealed record ModerationLog(IReadOnlyList<AuditRow> Rows, IReadOnlyList<PersonOption> Actors, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class GetModerationLogHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetModerationLog, ModerationLog>
{
    public async ValueTask<ModerationLog> Handle(GetModerationLog query, CancellationToken ct)
    {
        user.MustModerate();
        var events = db.AuditEvents.AsNoTracking();
        if (query.EntryId is { } entryId) events = events.Where(a => a.EntryId == entryId);
        if (query.Action is { } action) events = events.Where(a => a.Action == action);
        if (query.ActorId is { } actorId) events = events.Where(a => a.ActorId == actorId);
        if (query.From is { } from)
        {
            var start = Display.StartOfDayUtc(from);
            events = events.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Display.StartOfDayUtc(to.AddDays(1));
            events = events.Where(a => a.At < end);
        }

        var total = await events.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + GetModerationLog.PageSize - 1) / GetModerationLog.PageSize));
        var rows = await events.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * GetModerationLog.PageSize).Take(GetModerationLog.PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.Action, a.Actor == null ? null : a.Actor.DisplayName, a.EntryId,
                db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Title).FirstOrDefault(), a.From, a.To, a.Reason))
            .ToListAsync(ct);
        var actors = query.EntryId is null
            ? await db.Users.AsNoTracking().Where(u => db.AuditEvents.Any(a => a.ActorId == u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new PersonOption(u.Id, u.DisplayName, u.Unit!.Name)).ToListAsync(ct)
            : [];
        return new ModerationLog(rows, actors, total, page, GetModerationLog.PageSize);
    }
}
