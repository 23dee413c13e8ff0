using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Votes;

/// <summary>What casting and withdrawing a vote share: who may touch the entry, and the state to show after.</summary>
internal static class VoteGuard
{
    public static async Task EnsureOpenForVotes(IdeaBoxDb db, ICurrentUser user, int entryId, CancellationToken ct)
    {
        var entry = await db.VisibleEntryAsync(user, entryId, ct);
        if (!VoteRules.IsOpenForVotes(entry.Status))
            throw new ConflictException("Vote.Closed");
    }

    public static async Task<VoteResult> CurrentResult(IdeaBoxDb db, ICurrentUser user, int entryId, CancellationToken ct)
    {
        var count = await db.Entries.Where(e => e.Id == entryId).Select(e => e.VoteCount).SingleAsync(ct);
        var hasVoted = await db.Votes.AnyAsync(v => v.EntryId == entryId && v.UserId == user.Id, ct);
        return new VoteResult(entryId, count, hasVoted);
    }
}
