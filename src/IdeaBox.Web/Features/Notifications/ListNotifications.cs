namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user's notifications, newest first.</summary>
[AnySignedInUser]
public sealed record ListNotifications(int Page = 1) : IQuery<NotificationPage>
{
    public const int PageSize = 30;
}

public sealed record NotificationView(long Id, NotificationKind Kind, int? EntryId, string Subject, string? Detail, string? Reason,
    DateTime CreatedAt, bool IsRead, int? CallId = null);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, Paging Paging);

public sealed class ListNotificationsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListNotifications, NotificationPage>
{
    public async ValueTask<NotificationPage> Handle(ListNotifications query, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).Shown(db);
        var paging = Paging.Of(query.Page, await mine.CountAsync(ct), ListNotifications.PageSize);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.EntryId, n.Subject, n.Detail, n.Reason, n.CreatedAt, n.ReadAt != null, n.CallId))
            .ToListAsync(ct);
        return new NotificationPage(items, unread, paging);
    }
}
