namespace IdeaBox.Web.Features.Comments;

/// <summary>
/// A comment as the entry page shows it, with its replies. A hidden comment reaches moderators with its
/// reason; for everyone else it is gone, or, when it has replies, a bare mark without author or text.
/// </summary>
public sealed record CommentView(
    int Id, string? AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, bool CanEdit,
    IReadOnlyList<CommentView> Replies, bool IsHidden = false, string? HiddenReason = null, bool CanModerate = false,
    int EntryId = 0, bool IsOwn = false);

/// <summary>The discussion of an entry as threads (one level of replies).</summary>
public static class CommentThreads
{
    public static async Task<IReadOnlyList<CommentView>> LoadAsync(IdeaBoxDb db, int entryId, int entryAuthorId, bool hideAuthorName,
        int userId, bool moderates, DateTime now, CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.EntryId == entryId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorId, c.Author!.DisplayName, c.BodyHtml, c.CreatedAt, c.EditedAt,
                c.HiddenAt != null, moderates ? c.HiddenReason : null))
            .ToListAsync(ct);

        // An author who hid their name stays anonymous in the discussion of their own entry.
        string? NameOf(int authorId, string name) =>
            authorId == entryAuthorId && !EntryRules.ShowsAuthorName(hideAuthorName, entryAuthorId, userId, moderates) ? null : name;
        CommentView View(Row c, IReadOnlyList<CommentView> replies) =>
            c.Hidden && !moderates
                ? new CommentView(c.Id, null, "", c.CreatedAt, null, false, replies, IsHidden: true, EntryId: entryId)
                : new CommentView(c.Id, NameOf(c.AuthorId, c.AuthorName), c.BodyHtml, c.CreatedAt, c.EditedAt,
                    !c.Hidden && CommentRules.CanEdit(c.AuthorId, c.CreatedAt, userId, now), replies,
                    c.Hidden, c.HiddenReason, moderates, entryId, c.AuthorId == userId);

        var replies = comments.Where(c => c.ParentId is not null && (moderates || !c.Hidden)).ToLookup(c => c.ParentId!.Value);
        return comments.Where(c => c.ParentId is null)
            .Select(c => View(c, replies[c.Id].Select(r => View(r, [])).ToList()))
            // Hidden and without a visible reply: nothing of it remains for agents.
            .Where(c => moderates || !c.IsHidden || c.Replies.Count > 0)
            .ToList();
    }

    private sealed record Row(int Id, int? ParentId, int AuthorId, string AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt,
        bool Hidden, string? HiddenReason);
}
