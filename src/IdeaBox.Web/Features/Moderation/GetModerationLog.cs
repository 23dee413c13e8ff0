using IdeaBox.Web.Features.Experts;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>The audit trail, newest first: of one entry (shown on its page to moderators) or of everything, filtered.</summary>
[Requires(Permissions.Moderate)]
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

/// <summary>One line of the trail with the names and titles its ids stand for, as they are now.</summary>
public sealed record AuditRow(long Id, DateTime At, AuditAction Action, string? ActorName, int? EntryId, string? EntryTitle,
    EntryStatus? FromStatus, EntryStatus? ToStatus, int? OtherEntryId, string? OtherEntryTitle, int? ProjectId, string? ProjectTitle,
    string? ExpertName, EntryOrigin? Origin, string? ThemesBefore, string? ThemesAfter, string? Reason, int? CommentId = null, PlanLevel? ProjectLevel = null);

public sealed record ModerationLog(IReadOnlyList<AuditRow> Rows, IReadOnlyList<PersonOption> Actors, Paging Paging);

public sealed class GetModerationLogHandler(IdeaBoxDb db) : IQueryHandler<GetModerationLog, ModerationLog>
{
    public async ValueTask<ModerationLog> Handle(GetModerationLog query, CancellationToken ct)
    {
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

        var paging = Paging.Of(query.Page, await events.CountAsync(ct), GetModerationLog.PageSize);
        var rows = await events.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.Action, a.Actor == null ? null : a.Actor.DisplayName,
                a.EntryId, db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Title).FirstOrDefault(),
                a.FromStatus, a.ToStatus,
                a.OtherEntryId, db.Entries.Where(e => e.Id == a.OtherEntryId).Select(e => e.Title).FirstOrDefault(),
                a.ProjectId, db.PlanNodes.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.ExpertId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Origin, a.ThemesBefore, a.ThemesAfter, a.Reason, a.CommentId,
                db.PlanNodes.Where(p => p.Id == a.ProjectId).Select(p => (PlanLevel?)p.Level).FirstOrDefault()))
            .ToListAsync(ct);
        var actors = query.EntryId is null
            ? await db.Users.AsNoTracking().Where(u => db.AuditEvents.Any(a => a.ActorId == u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new PersonOption(u.Id, u.DisplayName, u.Unit!.Name)).ToListAsync(ct)
            : [];
        return new ModerationLog(rows, actors, paging);
    }
}
