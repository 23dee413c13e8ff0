namespace IdeaBox.Domain;

/// <summary>What a moderator or the system did, as written to the audit trail.</summary>
public enum AuditAction
{
    Transition = 1,
    Merge = 2,
    Hide = 3,
    Unhide = 4,
    ThemesChanged = 5,
    Promote = 6,
    LinkAnswer = 7,
    UnlinkAnswer = 8,
    ExpertRequested = 9,
    Recorded = 10,
    Imported = 11,
    CommentHidden = 12,
    CommentShown = 13,
    Featured = 14,
    Unfeatured = 15,
    ReportsUpheld = 16,
    ReportsDismissed = 17,
    Clustered = 18,
    Unclustered = 19,
    CallOpened = 20,
    CallChanged = 21,
}
