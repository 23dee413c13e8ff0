using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user stops following an entry. Idempotent.</summary>
[AnySignedInUser]
public sealed record UnfollowEntry(int EntryId) : ICommand;

public sealed class UnfollowEntryHandler(IdeaBoxDb db, ICurrentUser user) : ICommandHandler<UnfollowEntry>
{
    public async ValueTask<Unit> Handle(UnfollowEntry command, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        await db.Follows.Where(f => f.EntryId == command.EntryId && f.UserId == user.Id).ExecuteDeleteAsync(ct);
        return Unit.Value;
    }
}
