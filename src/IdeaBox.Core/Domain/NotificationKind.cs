namespace IdeaBox.Domain;

/// <summary>What a notification tells (DESIGN.md, "Notifications").</summary>
public enum NotificationKind
{
    StatusChanged = 1,
    CommentOnYourEntry = 2,
    ReplyToYourComment = 3,
    ExpertRequested = 4,
    ProjectProgress = 5,
    AwaitingTriage = 6,
    ExpertAnswered = 7,
    CommentHidden = 8,
    ReportHandled = 9,
    CallOpened = 10,
    CallClosed = 11,
}
