using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Comments;

/// <summary>The author fixes their comment within the edit window. Returns the entry id to go back to.</summary>
[AnySignedInUser]
public sealed record EditComment(int CommentId, string? Body) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => CommentRules.Validate(Body);
}

public sealed class EditCommentHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock)
    : ICommandHandler<EditComment, int>
{
    public async ValueTask<int> Handle(EditComment command, CancellationToken ct)
    {
        var comment = await db.Comments
            .Where(c => c.Id == command.CommentId && c.HiddenAt == null && db.Entries.VisibleTo(user).Any(e => e.Id == c.EntryId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Comment {command.CommentId}");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!CommentRules.CanEdit(comment.AuthorId, comment.CreatedAt, user.Id, now))
            throw new ForbiddenException($"User {user.Id} may not edit comment {command.CommentId}.");

        comment.Body = TextInput.Lines(command.Body)!;
        comment.BodyHtml = markdown.Render(comment.Body, nameof(Comment.Body));
        comment.EditedAt = now;
        await db.SaveChangesAsync(ct);
        return comment.EntryId;
    }
}
