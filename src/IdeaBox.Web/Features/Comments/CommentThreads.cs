namespace IdeaBox.Web.Features.Comments;

/// <summary>A comment as the entry page shows it, with its replies.</summary>
public sealed record CommentView(
    int Id, string? AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, bool CanEdit,
    IReadOnlyList<CommentView> Replies);

/// <summary>The discussion of an entry as threads (one level of replies).</summary>
public static class CommentThreads
{
    public static async Task<IReadOnlyList<CommentView>> LoadAsync(IdeaBoxDb db, int entryId, int entryAuthorId, bool hideAuthorName,
        int userId, bool moderates, DateTime now, CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.EntryId == entryId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorId, AuthorName = c.Author!.DisplayName, c.BodyHtml, c.CreatedAt, c.EditedAt })
            .ToListAsync(ct);

        // An author who hid their name stays anonymous in the discussion of their own entry.
        string? NameOf(int authorId, string name) =>
            authorId == entryAuthorId && !EntryRules.ShowsAuthorName(hideAuthorName, entryAuthorId, userId, moderates) ? null : name;
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
