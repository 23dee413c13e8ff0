using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Comments;

/// <summary>A comment on an entry, or a reply to one of its comments. Returns the new comment's id.</summary>
[AnySignedInUser]
public sealed record AddComment(int EntryId, int? ParentId, string? Body) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => CommentRules.Validate(Body);
}

public sealed class AddCommentHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock, Notifier notifier)
    : ICommandHandler<AddComment, int>
{
    public async ValueTask<int> Handle(AddComment command, CancellationToken ct)
    {
        var entry = await db.VisibleEntryAsync(user, command.EntryId, ct);
        if (!CommentRules.IsOpenForComments(entry.Status))
            throw new ConflictException("Comment.Closed");

        int? threadRoot = null;
        int? repliedToAuthorId = null;
        if (command.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == parentId && c.EntryId == command.EntryId && c.HiddenAt == null)
                .Select(c => new { c.Id, c.ParentId, c.AuthorId })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Comment {parentId} on entry {command.EntryId}");
            threadRoot = CommentRules.ThreadRoot(parent.Id, parent.ParentId);
            repliedToAuthorId = parent.AuthorId;
        }

        var body = TextInput.Lines(command.Body)!;
        var html = markdown.Render(body, nameof(Comment.Body));
        var comment = new Comment
        {
            EntryId = command.EntryId,
            ParentId = threadRoot,
            AuthorId = user.Id,
            Body = body,
            BodyHtml = html,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The expected status is in the WHERE: a comment racing a merge or a hiding is refused, not left on a closed entry.
        var counted = await db.Entries.Where(e => e.Id == command.EntryId && CommentRules.OpenStatuses.Contains(e.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CommentCount, e => e.CommentCount + 1).SetProperty(e => e.BreadthStale, true), ct);
        if (counted == 0) throw new ConflictException("Comment.Closed");
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        var about = await db.Entries.Where(e => e.Id == command.EntryId)
            .Select(e => new { e.Title, e.AuthorId, e.HideAuthorName }).SingleAsync(ct);
        var commenterName = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync(ct);
        // An author who hid their name stays anonymous in what their comments notify.
        var shownName = user.Id == about.AuthorId && about.HideAuthorName ? null : commenterName;
        notifier.CommentAdded(command.EntryId, comment.Id, about.Title, about.AuthorId, repliedToAuthorId, user.Id, shownName ?? "");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return comment.Id;
    }
}
