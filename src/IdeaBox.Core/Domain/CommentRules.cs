namespace IdeaBox.Domain;

/// <summary>What makes a comment valid, who may fix it, and when an entry takes comments.</summary>
public static class CommentRules
{
    public const int BodyMaxLength = 5_000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public static IEnumerable<FieldError> Validate(string? body) => FieldRules.Required(nameof(Comment.Body), body, BodyMaxLength);

    /// <summary>Authors may fix their comment for a short while after posting it.</summary>
    public static bool CanEdit(int authorId, DateTime createdAt, int userId, DateTime now) =>
        authorId == userId && now - createdAt <= EditWindow;

    /// <summary>Comments keep one level of replies: a reply to a reply attaches to the top-level comment.</summary>
    public static int? ThreadRoot(int? parentId, int? parentsParentId) => parentsParentId ?? parentId;

    public static bool IsOpenForComments(EntryStatus status) =>
        status is not (EntryStatus.Merged or EntryStatus.Hidden);
}
