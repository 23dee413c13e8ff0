namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// A moderator merges a duplicate (the source) into another entry (the target): the votes move
/// with one per person kept, the followers move, the comments stay on the source (the target's
/// page shows them under a banner), the source's page redirects to the target, and the target's
/// count and trending score are recomputed from its votes.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record MergeEntry(int SourceId, int? TargetId, string? Reason) : ICommand;

public sealed class MergeEntryHandler(IdeaBoxDb db, EntryMoves moves, ICurrentUser user, Trending trending, TimeProvider clock)
    : ICommandHandler<MergeEntry>
{
    public async ValueTask<Unit> Handle(MergeEntry command, CancellationToken ct)
    {
        var source = await moves.FindAsync(command.SourceId, ct);
        var targetId = command.TargetId ?? throw new ValidationFailedException("TargetId", "Merge.TargetRequired");
        var target = await db.Entries.SingleOrDefaultAsync(e => e.Id == targetId, ct)
            ?? throw new ValidationFailedException("TargetId", "Merge.TargetUnknown");
        var merge = source.MergeInto(target, user.Actor, command.Reason, clock.GetUtcNow().UtcDateTime);

        var sourceId = source.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Votes: the source's voters who had not voted for the target bring their vote (and its date).
        await db.Database.ExecuteSqlAsync(MoveVotes(sourceId, targetId), ct);
        await db.Votes.Where(v => v.EntryId == sourceId).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync(MoveFollows(sourceId, targetId), ct);
        target.RecountVotes(await db.Votes.Where(v => v.EntryId == targetId).Select(v => v.CreatedAt).ToListAsync(ct), trending);
        target.UpdatedAt = merge.At;
        target.BreadthStale = true;
        // The target is always written, so that its status as checked is in the WHERE: a target closed or hidden meanwhile refuses the merge.
        db.Entry(target).Property(e => e.UpdatedAt).IsModified = true;
        source.RecountVotes([], trending);

        // The source's followers (now also the target's) hear of the merge before their follow is moved away.
        await moves.RecordAsync(source, merge, ct);
        await db.SaveChangesAsync(ct);
        await db.Follows.Where(f => f.EntryId == sourceId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }

    /// <summary>The source's voters who had not voted for the target bring their vote; the same SQL for both providers.</summary>
    internal static FormattableString MoveVotes(int sourceId, int targetId) => $"""
        INSERT INTO Votes (EntryId, UserId, CreatedAt)
        SELECT {targetId}, v.UserId, v.CreatedAt FROM Votes v
        WHERE v.EntryId = {sourceId}
          AND NOT EXISTS (SELECT 1 FROM Votes t WHERE t.EntryId = {targetId} AND t.UserId = v.UserId)
        """;

    /// <summary>The source's followers follow the target too.</summary>
    internal static FormattableString MoveFollows(int sourceId, int targetId) => $"""
        INSERT INTO Follows (EntryId, UserId, CreatedAt)
        SELECT {targetId}, f.UserId, f.CreatedAt FROM Follows f
        WHERE f.EntryId = {sourceId}
          AND NOT EXISTS (SELECT 1 FROM Follows t WHERE t.EntryId = {targetId} AND t.UserId = f.UserId)
        """;
}
