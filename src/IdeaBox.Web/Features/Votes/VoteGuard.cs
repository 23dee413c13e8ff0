using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Votes;

/// <summary>What casting and withdrawing a vote share: who may touch the entry, and the state to show after.</summary>
internal static class VoteGuard
{
    public static async Task EnsureOpenForVotes(IdeaBoxDb db, ICurrentUser user, int entryId, TimeProvider clock, CancellationToken ct)
    {
        var entry = await db.VisibleEntryAsync(user, entryId, ct);
        if (!VoteRules.IsOpenForVotes(entry.Status))
            throw new ConflictException("Vote.Closed");
        // The votes on a call's entries are frozen once the call has closed: its summary stays as published.
        var today = Display.LocalDay(clock.GetUtcNow().UtcDateTime);
        if (await db.Entries.AnyAsync(e => e.Id == entryId && e.CallId != null && e.Call!.ClosesOn < today, ct))
            throw new ConflictException("Vote.CallClosed");
    }

    /// <summary>Moves the entry's vote count by <paramref name="change"/> only while it takes votes; 0 when it no longer does.</summary>
    public static Task<int> CountAsync(IdeaBoxDb db, int entryId, int change, CancellationToken ct) =>
        db.Entries.Where(e => e.Id == entryId && VoteRules.OpenStatuses.Contains(e.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.VoteCount, e => e.VoteCount + change).SetProperty(e => e.BreadthStale, true), ct);

    public static async Task<VoteResult> CurrentResult(IdeaBoxDb db, ICurrentUser user, int entryId, CancellationToken ct)
    {
        var count = await db.Entries.Where(e => e.Id == entryId).Select(e => e.VoteCount).SingleAsync(ct);
        var hasVoted = await db.Votes.AnyAsync(v => v.EntryId == entryId && v.UserId == user.Id, ct);
        return new VoteResult(entryId, count, hasVoted);
    }
}
