using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Votes;

/// <summary>The current user supports an entry. Idempotent: a second vote changes nothing.</summary>
[AnySignedInUser]
public sealed record CastVote(int EntryId) : ICommand<VoteResult>;

public sealed record VoteResult(int EntryId, int VoteCount, bool HasVoted);

public sealed class CastVoteHandler(IdeaBoxDb db, ICurrentUser user, Trending trending, TimeProvider clock)
    : ICommandHandler<CastVote, VoteResult>
{
    public async ValueTask<VoteResult> Handle(CastVote command, CancellationToken ct)
    {
        await VoteGuard.EnsureOpenForVotes(db, user, command.EntryId, clock, ct);

        if (await db.Votes.AnyAsync(v => v.EntryId == command.EntryId && v.UserId == user.Id, ct))
            return await VoteGuard.CurrentResult(db, user, command.EntryId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The insert comes first: it takes the write lock, so the read-modify-write of the score
        // below is serialised with every other vote on this entry. The (entry, user) key turns a
        // concurrent second vote into a unique violation, which means "already voted".
        db.Votes.Add(new Vote { EntryId = command.EntryId, UserId = user.Id, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await VoteGuard.CurrentResult(db, user, command.EntryId, ct);
        }

        // The expected status is in the WHERE: a vote racing a merge (or a closing) is refused, never left on a closed entry.
        if (await VoteGuard.CountAsync(db, command.EntryId, +1, ct) == 0)
        {
            await transaction.RollbackAsync(ct);
            throw new ConflictException("Vote.Closed");
        }
        var score = await db.Entries.Where(e => e.Id == command.EntryId).Select(e => e.TrendingScore).SingleAsync(ct);
        var newScore = trending.AddVote(score, now);
        await db.Entries.Where(e => e.Id == command.EntryId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.TrendingScore, newScore), ct);
        await transaction.CommitAsync(ct);
        // Voting follows the entry: the voter hears what becomes of it.
        await db.EnsureFollowingAsync(command.EntryId, user.Id, now, ct);
        return await VoteGuard.CurrentResult(db, user, command.EntryId, ct);
    }
}
