using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Comments;

/// <summary>
/// A moderator hides one comment (abuse), with a reason told to its author. The comment is gone for
/// everyone but moderators: the discussion, the counts, and the notifications it caused.
/// Returns the entry whose page shows the comment.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record HideComment(int CommentId, string? Reason) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => CommentRules.ValidateHiding(Reason);
}

/// <summary>A moderator lifts the hiding of a comment. Returns the entry whose page shows the comment.</summary>
[Requires(Permissions.Moderate)]
public sealed record ShowCommentAgain(int CommentId) : ICommand<int>;

public sealed class HideCommentHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock, Notifier notifier)
    : ICommandHandler<HideComment, int>
{
    public async ValueTask<int> Handle(HideComment command, CancellationToken ct)
    {
        var comment = await ModeratedComment.FindAsync(db, command.CommentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = TextInput.Lines(command.Reason)!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Of two moderators hiding at once, the second is told it is done already.
        if (!await CommentHiding.HideAsync(db, notifier, comment, user.Id, reason, now, ct)) throw new ConflictException("Comment.AlreadyHidden");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return comment.EntryId;
    }
}

public sealed class ShowCommentAgainHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ShowCommentAgain, int>
{
    public async ValueTask<int> Handle(ShowCommentAgain command, CancellationToken ct)
    {
        var comment = await ModeratedComment.FindAsync(db, command.CommentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await CommentHiding.ShowAsync(db, comment, user.Id, now, ct)) throw new ConflictException("Comment.NotHidden");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return comment.EntryId;
    }

}

/// <summary>The facts about a comment that hiding and showing it again need; moderators reach every comment.</summary>
public sealed record ModeratedComment(int Id, int EntryId, int AuthorId, string EntryTitle)
{
    public static async Task<ModeratedComment> FindAsync(IdeaBoxDb db, int commentId, CancellationToken ct) =>
        await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new ModeratedComment(c.Id, c.EntryId, c.AuthorId, c.Entry!.Title))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Comment {commentId}");
}
