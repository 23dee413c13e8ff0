using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// What every change of an entry's status comes with: the audit row and the notifications of its
/// author and followers, added to the same unit of work so that they are saved together or not at all.
/// The move itself is decided by the entry (<see cref="Entry.MoveTo"/> and its siblings).
/// </summary>
public sealed class EntryMoves(IdeaBoxDb db, Notifier notifier)
{
    /// <summary>The entry to change, tracked; moderators reach every entry.</summary>
    public async Task<Entry> FindAsync(int entryId, CancellationToken ct) =>
        await db.Entries.SingleOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException($"Entry {entryId}");

    /// <summary>Applies <paramref name="move"/> to the entry and saves it with its audit row and notifications.</summary>
    public async Task ApplyAsync(int entryId, Func<Entry, AuditEvent> move, CancellationToken ct)
    {
        var entry = await FindAsync(entryId, ct);
        await RecordAsync(entry, move(entry), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the move's audit row and its notifications; the caller saves.</summary>
    public async Task RecordAsync(Entry entry, AuditEvent move, CancellationToken ct)
    {
        db.AuditEvents.Add(move);
        await notifier.StatusChangedAsync(entry, move.ActorId, ct);
    }
}
