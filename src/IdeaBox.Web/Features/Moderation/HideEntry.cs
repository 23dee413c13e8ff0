namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator takes an entry out of every list (abuse), with a reason shown to its author.</summary>
[Requires(Permissions.Moderate)]
public sealed record HideEntry(int EntryId, string? Reason) : ICommand;

public sealed class HideEntryHandler(EntryMoves moves, ICurrentUser user, TimeProvider clock) : ICommandHandler<HideEntry>
{
    public async ValueTask<Unit> Handle(HideEntry command, CancellationToken ct)
    {
        await moves.ApplyAsync(command.EntryId, entry => entry.Hide(user.Actor, command.Reason, clock.GetUtcNow().UtcDateTime), ct);
        return Unit.Value;
    }
}
