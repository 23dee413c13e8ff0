namespace IdeaBox.Web.Features.Notifications;

/// <summary>Marks one of the current user's notifications as read; someone else's answers 404. Returns where it leads.</summary>
[AnySignedInUser]
public sealed record MarkNotificationRead(long Id) : ICommand<NotificationTarget>;

/// <summary>The entry or the call for contributions a notification is about.</summary>
public sealed record NotificationTarget(int? EntryId, int? CallId);

public sealed class MarkNotificationReadHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, NotificationTarget>
{
    public async ValueTask<NotificationTarget> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id && n.UserId == user.Id, ct)
            ?? throw new NotFoundException($"Notification {command.Id}");
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new NotificationTarget(notification.EntryId, notification.CallId);
    }
}
