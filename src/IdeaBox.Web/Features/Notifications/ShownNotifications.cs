namespace IdeaBox.Web.Features.Notifications;

/// <summary>
/// Hiding wins over what was told before: a notification about an entry that is now hidden stays with
/// the entry's author alone (who is told why), and leaves everyone else's list, bell, e-mails and digest.
/// </summary>
public static class ShownNotifications
{
    public static IQueryable<Notification> Shown(this IQueryable<Notification> notifications, IdeaBoxDb db) =>
        notifications.Where(n => n.EntryId == null || !db.Entries.Any(e => e.Id == n.EntryId && e.Status == EntryStatus.Hidden && e.AuthorId != n.UserId));

    /// <summary>The notifications hiding took away from their recipient.</summary>
    public static IQueryable<Notification> Withheld(this IQueryable<Notification> notifications, IdeaBoxDb db) =>
        notifications.Where(n => n.EntryId != null && db.Entries.Any(e => e.Id == n.EntryId && e.Status == EntryStatus.Hidden && e.AuthorId != n.UserId));
}
