namespace IdeaBox.Domain;

/// <summary>What makes a comment valid, who may fix it, and when an entry takes comments.</summary>
public static class CommentRules
{
    public const int BodyMaxLength = 5_000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public static IEnumerable<FieldError> Validate(string? body) => FieldRules.Required(nameof(Comment.Body), body, BodyMaxLength);

    /// <summary>A moderator hides a comment only with a reason, which its author is told.</summary>
    public static IEnumerable<FieldError> ValidateHiding(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? [new("Reason", "Validation.ReasonRequired")] : FieldRules.Optional("Reason", reason, Transitions.ReasonMaxLength);

    /// <summary>Authors may fix their comment for a short while after posting it.</summary>
    public static bool CanEdit(int authorId, DateTime createdAt, int userId, DateTime now) =>
        authorId == userId && now - createdAt <= EditWindow;

    /// <summary>Comments keep one level of replies: a reply to a reply attaches to the top-level comment.</summary>
    public static int? ThreadRoot(int? parentId, int? parentsParentId) => parentsParentId ?? parentId;

    public static bool IsOpenForComments(EntryStatus status) => OpenStatuses.Contains(status);

    /// <summary>The statuses that take comments, for the conditional update that adds one.</summary>
    public static readonly EntryStatus[] OpenStatuses =
        [.. Enum.GetValues<EntryStatus>().Where(s => s is not (EntryStatus.Merged or EntryStatus.Hidden))];
}
