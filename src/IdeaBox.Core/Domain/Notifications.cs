namespace IdeaBox.Domain;

public enum NotificationKind
{
    StatusChanged = 1,
    CommentOnYourEntry = 2,
    ReplyToYourComment = 3,
    ExpertRequested = 4,
    ProjectProgress = 5,
    AwaitingTriage = 6,
    ExpertAnswered = 7,
}

/// <summary>
/// Something a user should hear about. The text is composed when shown, in the reader's language,
/// from the kind and the facts stored here.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public int? EntryId { get; set; }
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

/// <summary>The weekly digest of one user for one week: its key makes a second sending impossible.</summary>
public sealed class DigestDelivery
{
    public int UserId { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateTime SentAt { get; set; }
}
