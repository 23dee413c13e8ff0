using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The notifications not yet claimed by a sender, by how their recipient wants them delivered: the
/// user's choice for the kind, else the default (<see cref="NotificationPreference.Default"/>).
/// Recipients who can no longer sign in get nothing by e-mail.
/// </summary>
public static class PendingNotifications
{
    public static IQueryable<Notification> Delivered(this IdeaBoxDb db, NotificationDelivery delivery)
    {
        var byDefault = Enum.GetValues<NotificationKind>().Where(k => NotificationPreference.Default(k) == delivery).ToList();
        return db.Notifications.Where(n => n.EmailedAt == null
            && db.Users.Any(u => u.Id == n.UserId && u.DisabledAt == null && u.DeletedAt == null && u.Email != null)
            && (db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind && p.Delivery == delivery)
                || (!db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind) && byDefault.Contains(n.Kind))))
            .Shown(db);
    }

    /// <summary>
    /// Marks as handled what will never be mailed: in-app-only kinds, notifications of disabled or deleted
    /// accounts, and those about an entry hidden since (see <see cref="ShownNotifications"/>).
    /// </summary>
    public static async Task<int> SettleUnmailedAsync(this IdeaBoxDb db, DateTime now, CancellationToken ct) =>
        await db.Notifications.Where(n => n.EmailedAt == null
                && (db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind && p.Delivery == NotificationDelivery.InAppOnly)
                    || db.Users.Any(u => u.Id == n.UserId && (u.DisabledAt != null || u.DeletedAt != null))))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), ct)
        + await db.Notifications.Where(n => n.EmailedAt == null).Withheld(db)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), ct);
}
