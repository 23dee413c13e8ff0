namespace IdeaBox.Web.Features.Notifications;

/// <summary>
/// How many notifications the current user has not read (the bell), counted up to <see cref="Cap"/>: the bell
/// says "99+" beyond. Every signed-in page asks this, so its cost must not grow with a person's backlog: each
/// unread notification is checked against its entry (hidden entries withhold theirs), and an author with
/// five hundred unread comments cost a millisecond per page before the cap.
/// </summary>
[AnySignedInUser]
public sealed record CountUnreadNotifications : IQuery<int>
{
    public const int Cap = 100;

    /// <summary>The bell's figure: the count, or "99+" at the cap.</summary>
    public static string Display(int count) => count >= Cap ? $"{Cap - 1}+" : Infrastructure.Display.Number(count);
}

public sealed class CountUnreadNotificationsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<CountUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken ct) =>
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null).Shown(db).Take(CountUnreadNotifications.Cap).CountAsync(ct);
}
