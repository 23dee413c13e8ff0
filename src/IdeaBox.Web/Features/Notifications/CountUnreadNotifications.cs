namespace IdeaBox.Web.Features.Notifications;

/// <summary>How many notifications the current user has not read (the bell).</summary>
[AnySignedInUser]
public sealed record CountUnreadNotifications : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<CountUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken ct) =>
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null).Shown(db).CountAsync(ct);
}
