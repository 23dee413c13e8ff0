namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator lifts a hiding, with a reason: the entry gets back the status it had.</summary>
[Requires(Permissions.Moderate)]
public sealed record ShowEntryAgain(int EntryId, string? Reason) : ICommand;

public sealed class ShowEntryAgainHandler(EntryMoves moves, ICurrentUser user, TimeProvider clock) : ICommandHandler<ShowEntryAgain>
{
    public async ValueTask<Unit> Handle(ShowEntryAgain command, CancellationToken ct)
    {
        await moves.ApplyAsync(command.EntryId, entry => entry.ShowAgain(user.Actor, command.Reason, clock.GetUtcNow().UtcDateTime), ct);
        return Unit.Value;
    }
}
