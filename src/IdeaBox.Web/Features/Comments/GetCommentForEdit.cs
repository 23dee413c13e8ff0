using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Comments;

public sealed record CommentForEdit(int CommentId, int EntryId, string EntryTitle, string Body);

/// <summary>The current user's own comment, while it can still be edited.</summary>
[AnySignedInUser]
public sealed record GetCommentForEdit(int CommentId) : IQuery<CommentForEdit>;

public sealed class GetCommentForEditHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCommentForEdit, CommentForEdit>
{
    public async ValueTask<CommentForEdit> Handle(GetCommentForEdit query, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == query.CommentId && c.HiddenAt == null && db.Entries.VisibleTo(user).Any(e => e.Id == c.EntryId))
            .Select(c => new { c.Id, c.EntryId, EntryTitle = c.Entry!.Title, c.Body, c.AuthorId, c.CreatedAt })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Comment {query.CommentId}");
        if (!CommentRules.CanEdit(comment.AuthorId, comment.CreatedAt, user.Id, clock.GetUtcNow().UtcDateTime))
            throw new ForbiddenException($"User {user.Id} may not edit comment {query.CommentId}.");
        return new CommentForEdit(comment.Id, comment.EntryId, comment.EntryTitle, comment.Body);
    }
}
