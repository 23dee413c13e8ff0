using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// A moderator merges a duplicate (the source) into another entry (the target): the votes move
/// with one per person kept, the followers move, the comments stay on the source (the target's
/// page shows them under a banner), the source's page redirects to the target, and the target's
/// count and trending score are recomputed from its votes.
/// </summary>
public sealed record MergeEntry(int SourceId, int? TargetId, string? Reason) : ICommand;

public sealed class MergeEntryHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, Trending trending, TimeProvider clock)
    : ICommandHandler<MergeEntry>
{
    public async ValueTask<Unit> Handle(MergeEntry command, CancellationToken ct)
    {
        user.MustModerate();
        var source = await db.Entries.SingleOrDefaultAsync(e => e.Id == command.SourceId, ct)
            ?? throw new NotFoundException($"Entry {command.SourceId}");
        EntryWorkflow.Authorize(user, source.Status, EntryStatus.Merged, command.Reason);

        if (command.TargetId is not { } targetId)
            throw new ValidationFailedException(new FieldError("TargetId", "Merge.TargetRequired"));
        if (targetId == source.Id)
            throw new ValidationFailedException(new FieldError("TargetId", "Merge.Self"));
        var target = await db.Entries.SingleOrDefaultAsync(e => e.Id == targetId, ct)
            ?? throw new ValidationFailedException(new FieldError("TargetId", "Merge.TargetUnknown"));
        if (target.Status == EntryStatus.Merged || target.MergedIntoId is not null)
            throw new ValidationFailedException(new FieldError("TargetId", "Merge.TargetMerged"));
        if (!MergeRules.CanReceive(target.Status))
            throw new ValidationFailedException(new FieldError("TargetId", "Merge.TargetClosed"));

        var now = clock.GetUtcNow().UtcDateTime;
        var sourceId = source.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Votes: the source's voters who had not voted for the target bring their vote (and its date).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Votes (EntryId, UserId, CreatedAt)
            SELECT {targetId}, v.UserId, v.CreatedAt FROM Votes v
            WHERE v.EntryId = {sourceId}
              AND NOT EXISTS (SELECT 1 FROM Votes t WHERE t.EntryId = {targetId} AND t.UserId = v.UserId)
            """, ct);
        await db.Votes.Where(v => v.EntryId == sourceId).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Follows (EntryId, UserId, CreatedAt)
            SELECT {targetId}, f.UserId, f.CreatedAt FROM Follows f
            WHERE f.EntryId = {sourceId}
              AND NOT EXISTS (SELECT 1 FROM Follows t WHERE t.EntryId = {targetId} AND t.UserId = f.UserId)
            """, ct);

        var voteTimes = await db.Votes.Where(v => v.EntryId == targetId).Select(v => v.CreatedAt).ToListAsync(ct);
        target.VoteCount = voteTimes.Count;
        target.TrendingScore = trending.Recompute(voteTimes.OrderBy(t => t));
        target.UpdatedAt = now;
        source.VoteCount = 0;
        source.TrendingScore = Trending.NoVotes;
        source.MergedIntoId = targetId;

        // The source's followers (now also the target's) hear of the merge before their follow is moved away.
        await EntryWorkflow.ApplyAsync(db, notifier, source, EntryStatus.Merged, command.Reason, user.Id, now, ct,
            auditTo: $"{EntryStatus.Merged} → #{target.Id} {target.Title}");
        await db.SaveChangesAsync(ct);
        await db.Follows.Where(f => f.EntryId == sourceId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}

public static class MergeRules
{
    /// <summary>A target must still be open: not declined, merged, done or hidden.</summary>
    public static bool CanReceive(EntryStatus status) =>
        status is EntryStatus.Submitted or EntryStatus.UnderReview or EntryStatus.Accepted or EntryStatus.InPlan;
}
