namespace IdeaBox.Web.Features.Notifications;

/// <summary>Marks all the current user's notifications as read.</summary>
[AnySignedInUser]
public sealed record MarkAllNotificationsRead : ICommand;

public sealed class MarkAllNotificationsReadHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkAllNotificationsRead>
{
    public async ValueTask<Unit> Handle(MarkAllNotificationsRead command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return Unit.Value;
    }
}
