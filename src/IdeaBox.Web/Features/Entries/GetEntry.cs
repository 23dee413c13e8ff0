using IdeaBox.Web.Features.Comments;

namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// Everything the entry page shows: the entry, and page <paramref name="CommentPage"/> of its discussion, or the
/// page holding <paramref name="AtComment"/> when given (where a link to a comment lands).
/// </summary>
[AnySignedInUser]
public sealed record GetEntry(int EntryId, int CommentPage = 1, int? AtComment = null) : IQuery<EntryDetails>;

/// <param name="AuthorName">Null when the author asked to hide their name from the current user.</param>
public sealed record EntryDetails(
    int Id, EntryKind Kind, string Title, string BodyHtml, EntryStatus Status, string? StatusReason,
    int? MergedIntoId, EntryOrigin Origin, string? OriginReference,
    string? AuthorName, bool IsOwnEntry, string UnitName, IReadOnlyList<string> Themes,
    int VoteCount, int CommentCount, DateTime CreatedAt, DateTime UpdatedAt,
    bool HasVoted, bool IsOpenForVotes, bool IsOpenForComments, bool CanEdit,
    IReadOnlyList<CommentView> Comments, int SupportUnits = 0, int SupportAdministrations = 0,
    EntryCluster? Cluster = null, EntryCall? Call = null, Paging? CommentPaging = null);

/// <summary>The cluster an entry is grouped in.</summary>
public sealed record EntryCluster(int Id, string Name);

/// <summary>The call an entry answers (its tag); once the call has closed, its votes are frozen.</summary>
public sealed record EntryCall(int Id, string Question, bool HasClosed);

public sealed class GetEntryHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEntry, EntryDetails>
{
    public async ValueTask<EntryDetails> Handle(GetEntry query, CancellationToken ct)
    {
        var userId = user.Id;
        var moderates = user.Moderates;
        var e = await db.Entries.AsNoTracking().VisibleTo(user)
            .Where(x => x.Id == query.EntryId)
            .Select(x => new
            {
                x.Id, x.Kind, x.Title, x.BodyHtml, x.Status, x.StatusReason, x.MergedIntoId, x.Origin, x.OriginReference,
                x.AuthorId, x.HideAuthorName, AuthorName = x.Author!.DisplayName, UnitName = x.Unit!.Name,
                x.VoteCount, x.CommentCount, x.CreatedAt, x.UpdatedAt, x.SupportUnits, x.SupportAdministrations,
                HasVoted = db.Votes.Any(v => v.EntryId == x.Id && v.UserId == userId),
                x.ClusterId, ClusterName = db.Clusters.Where(c => c.Id == x.ClusterId).Select(c => c.Name).FirstOrDefault(),
                x.CallId, CallQuestion = x.Call == null ? null : x.Call.Question, CallClosesOn = x.Call == null ? (DateOnly?)null : x.Call.ClosesOn,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");

        var themes = (await EntryThemeNames.ForAsync(db, [e.Id], ct))[e.Id].ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var discussion = await CommentThreads.LoadPageAsync(db, e.Id, e.CommentCount, e.AuthorId, e.HideAuthorName, userId, moderates, now,
            query.CommentPage, query.AtComment, ct);
        var call = e.CallId is { } callId ? new EntryCall(callId, e.CallQuestion!, e.CallClosesOn < Display.LocalDay(now)) : null;

        return new EntryDetails(
            e.Id, e.Kind, e.Title, e.BodyHtml, e.Status, e.StatusReason, e.MergedIntoId, e.Origin, e.OriginReference,
            EntryRules.ShowsAuthorName(e.HideAuthorName, e.AuthorId, userId, moderates) ? e.AuthorName : null,
            e.AuthorId == userId, e.UnitName, themes, e.VoteCount, e.CommentCount, e.CreatedAt, e.UpdatedAt,
            e.HasVoted, VoteRules.IsOpenForVotes(e.Status) && call?.HasClosed != true, CommentRules.IsOpenForComments(e.Status),
            EntryRules.CanEdit(e.AuthorId, e.Status, userId), discussion.Threads, e.SupportUnits, e.SupportAdministrations,
            e.ClusterId is { } clusterId ? new EntryCluster(clusterId, e.ClusterName ?? "") : null, call, discussion.Paging);
    }
}
