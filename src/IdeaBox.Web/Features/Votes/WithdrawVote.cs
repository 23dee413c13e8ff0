namespace IdeaBox.Web.Features.Votes;

/// <summary>The current user takes their vote back; the vote's own contribution leaves the trending score.</summary>
[AnySignedInUser]
public sealed record WithdrawVote(int EntryId) : ICommand<VoteResult>;

public sealed class WithdrawVoteHandler(IdeaBoxDb db, ICurrentUser user, Trending trending, TimeProvider clock)
    : ICommandHandler<WithdrawVote, VoteResult>
{
    public async ValueTask<VoteResult> Handle(WithdrawVote command, CancellationToken ct)
    {
        await VoteGuard.EnsureOpenForVotes(db, user, command.EntryId, clock, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var votes = db.Votes.Where(v => v.EntryId == command.EntryId && v.UserId == user.Id);
        var votedAt = await votes.Select(v => (DateTime?)v.CreatedAt).SingleOrDefaultAsync(ct);
        // Only the request that really deleted the row moves the counters.
        if (votedAt is null || await votes.ExecuteDeleteAsync(ct) == 0)
        {
            await transaction.RollbackAsync(ct);
            return await VoteGuard.CurrentResult(db, user, command.EntryId, ct);
        }

        if (await VoteGuard.CountAsync(db, command.EntryId, -1, ct) == 0)
        {
            await transaction.RollbackAsync(ct);
            throw new ConflictException("Vote.Closed");
        }
        var current = await db.Entries.Where(e => e.Id == command.EntryId)
            .Select(e => new { e.TrendingScore, e.VoteCount }).SingleAsync(ct);
        var newScore = trending.RemoveVote(current.TrendingScore, votedAt.Value, current.VoteCount)
            ?? trending.Recompute(await db.Votes.Where(v => v.EntryId == command.EntryId)
                .OrderBy(v => v.CreatedAt).Select(v => v.CreatedAt).ToListAsync(ct));
        await db.Entries.Where(e => e.Id == command.EntryId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.TrendingScore, newScore), ct);
        await transaction.CommitAsync(ct);
        return await VoteGuard.CurrentResult(db, user, command.EntryId, ct);
    }
}
