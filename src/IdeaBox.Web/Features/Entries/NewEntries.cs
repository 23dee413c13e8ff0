using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// Saves a new entry with what comes with it, however it arrives (submitted by an agent, recorded
/// by a moderator): its author follows it and the moderators hear that it waits for triage.
/// </summary>
public sealed class NewEntries(IdeaBoxDb db, MarkdownRenderer markdown, Notifier notifier, CallSchedule calls, TimeProvider clock)
{
    public async Task<Entry> SaveAsync(EntryInput input, int authorId, EntryOrigin origin, string? originReference, CancellationToken ct)
    {
        var authorUnitId = await db.Users.Where(u => u.Id == authorId).Select(u => u.UnitId).SingleAsync(ct);
        if (input.CallId is { } callId) await calls.EnsureCanContributeAsync(callId, input.Kind, authorId, ct);
        var resolved = await input.ResolveAsync(db, markdown, authorUnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = Entry.Submit(authorId, resolved.Kind, resolved.Title, resolved.Body, resolved.BodyHtml, resolved.UnitId,
            resolved.Themes, resolved.HideAuthorName, origin, originReference, now);
        entry.CallId = input.CallId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        db.Follows.Add(new Follow { EntryId = entry.Id, UserId = authorId, CreatedAt = now });
        await notifier.AwaitingTriageAsync(entry.Id, entry.Title, authorId, ct);
        if (origin != EntryOrigin.Agent) db.AuditEvents.Add(AuditEvent.FromSource(entry, authorId, now, imported: false));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return entry;
    }
}
