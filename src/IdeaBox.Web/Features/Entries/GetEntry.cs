using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>Everything the entry page shows, in two round trips (the entry, its comments).</summary>
public sealed record GetEntry(int EntryId) : IQuery<EntryDetails>;

public sealed record EntryDetails(
    int Id, EntryKind Kind, string Title, string BodyHtml, EntryStatus Status, string? StatusReason,
    int? MergedIntoId, EntryOrigin Origin, string? OriginReference,
    /// <summary>Null when the author asked to hide their name from the current user.</summary>
    string? AuthorName, bool IsOwnEntry, string UnitName, IReadOnlyList<string> Themes,
    int VoteCount, int CommentCount, DateTime CreatedAt, DateTime UpdatedAt,
    bool HasVoted, bool IsOpenForVotes, bool IsOpenForComments, bool CanEdit,
    IReadOnlyList<CommentView> Comments);

public sealed record CommentView(
    int Id, string? AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, bool CanEdit,
    IReadOnlyList<CommentView> Replies);

public sealed class GetEntryHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEntry, EntryDetails>
{
    public async ValueTask<EntryDetails> Handle(GetEntry query, CancellationToken ct)
    {
        var userId = user.Id;
        var isModerator = user.IsModerator;
        var e = await db.Entries.AsNoTracking()
            .Where(x => x.Id == query.EntryId)
            .Select(x => new
            {
                x.Id, x.Kind, x.Title, x.BodyHtml, x.Status, x.StatusReason, x.MergedIntoId, x.Origin, x.OriginReference,
                x.AuthorId, x.HideAuthorName, AuthorName = x.Author!.DisplayName, UnitName = x.Unit!.Name,
                x.VoteCount, x.CommentCount, x.CreatedAt, x.UpdatedAt,
                HasVoted = db.Votes.Any(v => v.EntryId == x.Id && v.UserId == userId),
            })
            .SingleOrDefaultAsync(ct);
        if (e is null || !EntryRules.CanSee(e.Status, e.AuthorId, userId, isModerator))
            throw new NotFoundException($"Entry {query.EntryId}");

        var themes = (await EntryThemeNames.ForAsync(db, [e.Id], ct))[e.Id].ToList();
        var threads = await CommentThreads.LoadAsync(db, e.Id, e.AuthorId, e.HideAuthorName, userId, isModerator, clock.GetUtcNow().UtcDateTime, ct);

        return new EntryDetails(
            e.Id, e.Kind, e.Title, e.BodyHtml, e.Status, e.StatusReason, e.MergedIntoId, e.Origin, e.OriginReference,
            EntryRules.ShowsAuthorName(e.HideAuthorName, e.AuthorId, userId, isModerator) ? e.AuthorName : null,
            e.AuthorId == userId, e.UnitName, themes, e.VoteCount, e.CommentCount, e.CreatedAt, e.UpdatedAt,
            e.HasVoted, VoteRules.IsOpenForVotes(e.Status), CommentRules.IsOpenForComments(e.Status),
            EntryRules.CanEdit(e.AuthorId, e.Status, userId), threads);
    }
}

/// <summary>The discussion of an entry as threads (one level of replies).</summary>
public static class CommentThreads
{
    public static async Task<IReadOnlyList<CommentView>> LoadAsync(IdeaBoxDb db, int entryId, int entryAuthorId, bool hideAuthorName,
        int userId, bool isModerator, DateTime now, CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.EntryId == entryId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorId, AuthorName = c.Author!.DisplayName, c.BodyHtml, c.CreatedAt, c.EditedAt })
            .ToListAsync(ct);

        // An author who hid their name stays anonymous in the discussion of their own entry.
        string? NameOf(int authorId, string name) =>
            authorId == entryAuthorId && !EntryRules.ShowsAuthorName(hideAuthorName, entryAuthorId, userId, isModerator) ? null : name;
        var replies = comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        return comments.Where(c => c.ParentId is null)
            .Select(c => new CommentView(
                c.Id, NameOf(c.AuthorId, c.AuthorName), c.BodyHtml, c.CreatedAt, c.EditedAt,
                CommentRules.CanEdit(c.AuthorId, c.CreatedAt, userId, now),
                replies[c.Id].Select(r => new CommentView(
                    r.Id, NameOf(r.AuthorId, r.AuthorName), r.BodyHtml, r.CreatedAt, r.EditedAt,
                    CommentRules.CanEdit(r.AuthorId, r.CreatedAt, userId, now), [])).ToList()))
            .ToList();
    }
}
