using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator records that an idea or an initiative answers a difficulty (many to many).</summary>
public sealed record LinkAnswer(int AnswerId, int? DifficultyId) : ICommand;

/// <summary>A moderator removes such a link.</summary>
public sealed record UnlinkAnswer(int AnswerId, int DifficultyId) : ICommand;

public sealed class LinkAnswerHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LinkAnswer>
{
    public async ValueTask<Unit> Handle(LinkAnswer command, CancellationToken ct)
    {
        user.MustModerate();
        var answer = await db.Entries.AsNoTracking().Where(e => e.Id == command.AnswerId)
            .Select(e => new { e.Id, e.Kind }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {command.AnswerId}");
        if (command.DifficultyId is not { } difficultyId)
            throw new ValidationFailedException(new FieldError("DifficultyId", "Link.DifficultyRequired"));
        var difficulty = await db.Entries.AsNoTracking().Where(e => e.Id == difficultyId)
            .Select(e => new { e.Id, e.Kind, e.Title }).SingleOrDefaultAsync(ct);
        if (answer.Kind == EntryKind.Difficulty)
            throw new ValidationFailedException(new FieldError("DifficultyId", "Link.AnswerMustNotBeDifficulty"));
        if (difficulty is null || difficulty.Kind != EntryKind.Difficulty)
            throw new ValidationFailedException(new FieldError("DifficultyId", "Link.NotADifficulty"));
        if (await db.EntryAnswers.AnyAsync(a => a.AnswerId == answer.Id && a.DifficultyId == difficultyId, ct))
            return Unit.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        db.EntryAnswers.Add(new EntryAnswer { AnswerId = answer.Id, DifficultyId = difficultyId, CreatedAt = now });
        db.Record(user.Id, now, AuditAction.LinkAnswer, answer.Id, to: $"#{difficulty.Id} {difficulty.Title}");
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

public sealed class UnlinkAnswerHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UnlinkAnswer>
{
    public async ValueTask<Unit> Handle(UnlinkAnswer command, CancellationToken ct)
    {
        user.MustModerate();
        var link = await db.EntryAnswers.SingleOrDefaultAsync(a => a.AnswerId == command.AnswerId && a.DifficultyId == command.DifficultyId, ct)
            ?? throw new NotFoundException($"Link {command.AnswerId} → {command.DifficultyId}");
        var title = await db.Entries.Where(e => e.Id == command.DifficultyId).Select(e => e.Title).SingleAsync(ct);
        db.EntryAnswers.Remove(link);
        db.Record(user.Id, clock.GetUtcNow().UtcDateTime, AuditAction.UnlinkAnswer, command.AnswerId, from: $"#{command.DifficultyId} {title}");
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
