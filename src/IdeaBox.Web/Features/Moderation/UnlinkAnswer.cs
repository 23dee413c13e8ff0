namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator removes the link between an answer and a difficulty.</summary>
[Requires(Permissions.Moderate)]
public sealed record UnlinkAnswer(int AnswerId, int DifficultyId) : ICommand;

public sealed class UnlinkAnswerHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UnlinkAnswer>
{
    public async ValueTask<Unit> Handle(UnlinkAnswer command, CancellationToken ct)
    {
        var link = await db.EntryAnswers.SingleOrDefaultAsync(a => a.AnswerId == command.AnswerId && a.DifficultyId == command.DifficultyId, ct)
            ?? throw new NotFoundException($"Link {command.AnswerId} → {command.DifficultyId}");
        db.EntryAnswers.Remove(link);
        db.AuditEvents.Add(AuditEvent.AnswerLinked(command.AnswerId, command.DifficultyId, user.Id, clock.GetUtcNow().UtcDateTime, linked: false));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
