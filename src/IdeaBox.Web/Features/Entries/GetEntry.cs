using IdeaBox.Web.Features.Comments;

namespace IdeaBox.Web.Features.Entries;

/// <summary>Everything the entry page shows, in two round trips (the entry, its comments).</summary>
[AnySignedInUser]
public sealed record GetEntry(int EntryId) : IQuery<EntryDetails>;

/// <param name="AuthorName">Null when the author asked to hide their name from the current user.</param>
public sealed record EntryDetails(
    int Id, EntryKind Kind, string Title, string BodyHtml, EntryStatus Status, string? StatusReason,
    int? MergedIntoId, EntryOrigin Origin, string? OriginReference,
    string? AuthorName, bool IsOwnEntry, string UnitName, IReadOnlyList<string> Themes,
    int VoteCount, int CommentCount, DateTime CreatedAt, DateTime UpdatedAt,
    bool HasVoted, bool IsOpenForVotes, bool IsOpenForComments, bool CanEdit,
    IReadOnlyList<CommentView> Comments, int SupportUnits = 0, int SupportAdministrations = 0);

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
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");

        var themes = (await EntryThemeNames.ForAsync(db, [e.Id], ct))[e.Id].ToList();
        var threads = await CommentThreads.LoadAsync(db, e.Id, e.AuthorId, e.HideAuthorName, userId, moderates, clock.GetUtcNow().UtcDateTime, ct);

        return new EntryDetails(
            e.Id, e.Kind, e.Title, e.BodyHtml, e.Status, e.StatusReason, e.MergedIntoId, e.Origin, e.OriginReference,
            EntryRules.ShowsAuthorName(e.HideAuthorName, e.AuthorId, userId, moderates) ? e.AuthorName : null,
            e.AuthorId == userId, e.UnitName, themes, e.VoteCount, e.CommentCount, e.CreatedAt, e.UpdatedAt,
            e.HasVoted, VoteRules.IsOpenForVotes(e.Status), CommentRules.IsOpenForComments(e.Status),
            EntryRules.CanEdit(e.AuthorId, e.Status, userId), threads, e.SupportUnits, e.SupportAdministrations);
    }
}
