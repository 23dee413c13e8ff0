namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator records that an idea or an initiative answers a difficulty (many to many).</summary>
[Requires(Permissions.Moderate)]
public sealed record LinkAnswer(int AnswerId, int? DifficultyId) : ICommand;

public sealed class LinkAnswerHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LinkAnswer>
{
    public async ValueTask<Unit> Handle(LinkAnswer command, CancellationToken ct)
    {
        var answer = await db.Entries.AsNoTracking().Where(e => e.Id == command.AnswerId)
            .Select(e => new { e.Id, e.Kind }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {command.AnswerId}");
        var difficultyId = command.DifficultyId ?? throw new ValidationFailedException("DifficultyId", "Link.DifficultyRequired");
        var difficulty = await db.Entries.AsNoTracking().Where(e => e.Id == difficultyId).Select(e => (EntryKind?)e.Kind).SingleOrDefaultAsync(ct);
        EntryAnswer.EnsureFits(answer.Kind, difficulty);
        if (await db.EntryAnswers.AnyAsync(a => a.AnswerId == answer.Id && a.DifficultyId == difficultyId, ct))
            return Unit.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        db.EntryAnswers.Add(new EntryAnswer { AnswerId = answer.Id, DifficultyId = difficultyId, CreatedAt = now });
        db.AuditEvents.Add(AuditEvent.AnswerLinked(answer.Id, difficultyId, user.Id, now));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
