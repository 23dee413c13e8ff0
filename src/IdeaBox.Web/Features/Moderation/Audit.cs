using IdeaBox.Data;
using IdeaBox.Domain;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>Writes the audit trail. The row joins the caller's unit of work, so an action and its trace are saved together or not at all.</summary>
public static class Audit
{
    public static void Record(this IdeaBoxDb db, int? actorId, DateTime at, AuditAction action, int? entryId,
        string? from = null, string? to = null, string? reason = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            ActorId = actorId, At = at, Action = action, EntryId = entryId,
            From = Clip(from), To = Clip(to), Reason = reason is null ? null : reason.Length > 2000 ? reason[..2000] : reason,
        });

    private static string? Clip(string? value) => value is { Length: > 1000 } ? value[..1000] : value;
}
