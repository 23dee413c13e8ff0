using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Comments;

/// <summary>
/// Hiding a comment and showing it again, whoever decides it (a moderator, or the system after enough
/// reports): the expected state is in the WHERE, the count follows, the notifications it caused go, its
/// author is told why. The caller saves the audit row and notification with its own unit of work.
/// </summary>
public static class CommentHiding
{
    /// <summary>False when it was hidden already.</summary>
    public static async Task<bool> HideAsync(IdeaBoxDb db, Notifier notifier, ModeratedComment comment, int? actorId, string reason, DateTime now,
        CancellationToken ct)
    {
        var hidden = await db.Comments.Where(c => c.Id == comment.Id && c.HiddenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, now).SetProperty(c => c.HiddenById, actorId)
                .SetProperty(c => c.HiddenReason, reason), ct);
        if (hidden == 0) return false;
        await db.Entries.Where(e => e.Id == comment.EntryId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CommentCount, e => e.CommentCount - 1).SetProperty(e => e.BreadthStale, true), ct);
        await db.Notifications.Where(n => n.CommentId == comment.Id).ExecuteDeleteAsync(ct);
        db.AuditEvents.Add(AuditEvent.CommentModerated(comment.EntryId, comment.Id, actorId, now, hidden: true, reason));
        notifier.CommentHidden(comment.AuthorId, comment.EntryId, comment.EntryTitle, reason, actorId);
        return true;
    }

    /// <summary>False when it was not hidden.</summary>
    public static async Task<bool> ShowAsync(IdeaBoxDb db, ModeratedComment comment, int actorId, DateTime now, CancellationToken ct)
    {
        var shown = await db.Comments.Where(c => c.Id == comment.Id && c.HiddenAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, (DateTime?)null).SetProperty(c => c.HiddenById, (int?)null)
                .SetProperty(c => c.HiddenReason, (string?)null), ct);
        if (shown == 0) return false;
        await db.Entries.Where(e => e.Id == comment.EntryId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CommentCount, e => e.CommentCount + 1).SetProperty(e => e.BreadthStale, true), ct);
        db.AuditEvents.Add(AuditEvent.CommentModerated(comment.EntryId, comment.Id, actorId, now, hidden: false, null));
        return true;
    }
}
