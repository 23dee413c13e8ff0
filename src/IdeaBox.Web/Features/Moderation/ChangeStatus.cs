namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// A moderator moves an entry to another status (take under review, accept, decline with a
/// reason…), as the transition table allows; merging and promotion have their own commands.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record ChangeStatus(int EntryId, EntryStatus To, string? Reason) : ICommand;

public sealed class ChangeStatusHandler(EntryMoves moves, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeStatus>
{
    public async ValueTask<Unit> Handle(ChangeStatus command, CancellationToken ct)
    {
        await moves.ApplyAsync(command.EntryId, entry => entry.MoveTo(command.To, user.Actor, command.Reason, clock.GetUtcNow().UtcDateTime), ct);
        return Unit.Value;
    }
}
