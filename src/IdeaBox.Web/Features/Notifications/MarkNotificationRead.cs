namespace IdeaBox.Web.Features.Notifications;

/// <summary>Marks one of the current user's notifications as read; someone else's answers 404. Returns the entry it is about.</summary>
[AnySignedInUser]
public sealed record MarkNotificationRead(long Id) : ICommand<int?>;

public sealed class MarkNotificationReadHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, int?>
{
    public async ValueTask<int?> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id && n.UserId == user.Id, ct)
            ?? throw new NotFoundException($"Notification {command.Id}");
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return notification.EntryId;
    }
}
