using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user follows an entry. Idempotent.</summary>
[AnySignedInUser]
public sealed record FollowEntry(int EntryId) : ICommand;

public sealed class FollowEntryHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FollowEntry>
{
    public async ValueTask<Unit> Handle(FollowEntry command, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        await db.EnsureFollowingAsync(command.EntryId, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        return Unit.Value;
    }
}
