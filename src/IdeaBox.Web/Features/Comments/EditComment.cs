using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Comments;

public sealed record CommentForEdit(int CommentId, int EntryId, string EntryTitle, string Body);

/// <summary>The current user's own comment, while it can still be edited.</summary>
public sealed record GetCommentForEdit(int CommentId) : IQuery<CommentForEdit>;

public sealed class GetCommentForEditHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCommentForEdit, CommentForEdit>
{
    public async ValueTask<CommentForEdit> Handle(GetCommentForEdit query, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == query.CommentId)
            .Select(c => new { c.Id, c.EntryId, EntryTitle = c.Entry!.Title, c.Body, c.AuthorId, c.CreatedAt, c.Entry.Status, EntryAuthorId = c.Entry.AuthorId })
            .SingleOrDefaultAsync(ct);
        if (comment is null || !user.CanSee(comment.Status, comment.EntryAuthorId))
            throw new NotFoundException($"Comment {query.CommentId}");
        if (!CommentRules.CanEdit(comment.AuthorId, comment.CreatedAt, user.Id, clock.GetUtcNow().UtcDateTime))
            throw new ForbiddenException($"User {user.Id} may not edit comment {query.CommentId}.");
        return new CommentForEdit(comment.Id, comment.EntryId, comment.EntryTitle, comment.Body);
    }
}

/// <summary>The author fixes their comment within the edit window. Returns the entry id to go back to.</summary>
public sealed record EditComment(int CommentId, string? Body) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => CommentRules.Validate(Body);
}

public sealed class EditCommentHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock)
    : ICommandHandler<EditComment, int>
{
    public async ValueTask<int> Handle(EditComment command, CancellationToken ct)
    {
        var comment = await db.Comments.Include(c => c.Entry).SingleOrDefaultAsync(c => c.Id == command.CommentId, ct);
        if (comment is null || !user.CanSee(comment.Entry!.Status, comment.Entry.AuthorId))
            throw new NotFoundException($"Comment {command.CommentId}");
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
