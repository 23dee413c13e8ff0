namespace IdeaBox.Domain;

/// <summary>
/// Something a user should hear about. The text is composed when shown, in the reader's language,
/// from the kind and the facts stored here.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 300;
    public const int DetailMaxLength = 300;
    public const int ReasonMaxLength = 2000;

    public long Id { get; set; }
    public int UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public int? EntryId { get; set; }
    /// <summary>The comment a notification is about, so that hiding the comment takes its notifications away.</summary>
    public int? CommentId { get; set; }
    /// <summary>The call for contributions a notification announces or closes.</summary>
    public int? CallId { get; set; }
    /// <summary>The entry's or the project's title when the event happened.</summary>
    public required string Subject { get; set; }
    /// <summary>The new status, the project's code, or the name of who commented.</summary>
    public string? Detail { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>Set when the e-mail sender claims the notification, so each one is mailed once.</summary>
    public DateTime? EmailedAt { get; set; }
}
