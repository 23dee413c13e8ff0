namespace IdeaBox.Web.Features.Comments;

/// <summary>
/// A comment as the entry page shows it, with its replies. A hidden comment reaches moderators with its
/// reason; for everyone else it is gone, or, when it has replies, a bare mark without author or text.
/// </summary>
public sealed record CommentView(
    int Id, string? AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, bool CanEdit,
    IReadOnlyList<CommentView> Replies, bool IsHidden = false, string? HiddenReason = null, bool CanModerate = false,
    int EntryId = 0, bool IsOwn = false);

/// <summary>One page of a discussion: its threads, oldest first, and where the page stands.</summary>
public sealed record CommentPage(IReadOnlyList<CommentView> Threads, Paging Paging)
{
    public static readonly CommentPage Empty = new([], Paging.Of(1, 0, CommentThreads.PageSize));
}

/// <summary>
/// The discussion of an entry as threads (one level of replies), paged by thread: a popular entry's
/// hundreds of comments would otherwise be read and rendered, each with its reply form, on every visit.
/// </summary>
public static class CommentThreads
{
    /// <summary>Threads per page. A discussion with no more comments than this is read in one query.</summary>
    public const int PageSize = 50;

    /// <summary>The whole discussion on one page (a merged duplicate's, shown under its target).</summary>
    public static async Task<IReadOnlyList<CommentView>> LoadAsync(IdeaBoxDb db, int entryId, int entryAuthorId, bool hideAuthorName,
        int userId, bool moderates, DateTime now, CancellationToken ct)
    {
        var comments = await Rows(db.Comments.Where(c => c.EntryId == entryId), moderates).ToListAsync(ct);
        return Build(comments, entryId, entryAuthorId, hideAuthorName, userId, moderates, now);
    }

    /// <summary>
    /// Page <paramref name="page"/> of the discussion, or the page holding comment <paramref name="atComment"/>
    /// when it is given and visible. <paramref name="commentCount"/> is the entry's count: when it fits one page,
    /// everything is read at once as before.
    /// </summary>
    public static async Task<CommentPage> LoadPageAsync(IdeaBoxDb db, int entryId, int commentCount, int entryAuthorId, bool hideAuthorName,
        int userId, bool moderates, DateTime now, int page, int? atComment, CancellationToken ct)
    {
        if (commentCount <= PageSize)
        {
            var all = await LoadAsync(db, entryId, entryAuthorId, hideAuthorName, userId, moderates, now, ct);
            return new CommentPage(all, Paging.Of(1, all.Count, Math.Max(PageSize, all.Count)));
        }

        var roots = VisibleRoots(db, entryId, moderates);
        var total = await roots.CountAsync(ct);
        if (atComment is { } commentId)
            page = await PageOfAsync(db, roots, commentId, ct) ?? page;
        var paging = Paging.Of(page, total, PageSize);
        var pageRoots = await Rows(roots, moderates).Skip(paging.Skip).Take(PageSize).ToListAsync(ct);
        var rootIds = pageRoots.Select(r => r.Id).ToList();
        var replies = await Rows(db.Comments.Where(c => c.EntryId == entryId && c.ParentId != null && rootIds.Contains(c.ParentId.Value)), moderates)
            .ToListAsync(ct);
        return new CommentPage(Build([.. pageRoots, .. replies], entryId, entryAuthorId, hideAuthorName, userId, moderates, now), paging);
    }

    /// <summary>The threads a person sees: for agents, a hidden comment stays only as the mark above its visible replies.</summary>
    private static IQueryable<Comment> VisibleRoots(IdeaBoxDb db, int entryId, bool moderates) =>
        db.Comments.Where(c => c.EntryId == entryId && c.ParentId == null
            && (moderates || c.HiddenAt == null || db.Comments.Any(r => r.ParentId == c.Id && r.HiddenAt == null)));

    /// <summary>The page of the thread holding the comment, or null when it is not one of these threads.</summary>
    private static async Task<int?> PageOfAsync(IdeaBoxDb db, IQueryable<Comment> roots, int commentId, CancellationToken ct)
    {
        var rootId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.ParentId ?? c.Id).FirstOrDefaultAsync(ct);
        var root = await roots.Where(c => c.Id == rootId).Select(c => new { c.Id, c.CreatedAt }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var before = await roots.CountAsync(c => c.CreatedAt < root.CreatedAt || (c.CreatedAt == root.CreatedAt && c.Id < root.Id), ct);
        return before / PageSize + 1;
    }

    private static IQueryable<Row> Rows(IQueryable<Comment> comments, bool moderates) =>
        comments.AsNoTracking()
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorId, c.Author!.DisplayName, c.BodyHtml, c.CreatedAt, c.EditedAt,
                c.HiddenAt != null, moderates ? c.HiddenReason : null));

    private static List<CommentView> Build(IReadOnlyList<Row> comments, int entryId, int entryAuthorId, bool hideAuthorName,
        int userId, bool moderates, DateTime now)
    {
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
