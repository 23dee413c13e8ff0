using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The sentence that tells a notification, in the reader's language; the page and the e-mails share it.</summary>
public static class NotificationText
{
    public static string Compose(IStringLocalizer l, NotificationKind kind, string subject, string? detail) => kind switch
    {
        NotificationKind.StatusChanged => l["Notification.StatusChanged", subject,
            Enum.TryParse<EntryStatus>(detail, out var status) ? l["Status." + status] : detail ?? ""],
        NotificationKind.CommentOnYourEntry => l["Notification.CommentOnYourEntry", Name(l, detail), subject],
        NotificationKind.ReplyToYourComment => l["Notification.ReplyToYourComment", Name(l, detail), subject],
        NotificationKind.ExpertRequested => l["Notification.ExpertRequested", subject],
        NotificationKind.ExpertAnswered => l["Notification.ExpertAnswered", Name(l, detail), subject],
        NotificationKind.ProjectProgress => l["Notification.ProjectProgress", subject],
        NotificationKind.AwaitingTriage => l["Notification.AwaitingTriage", subject],
        NotificationKind.CommentHidden => l["Notification.CommentHidden", subject],
        NotificationKind.ReportHandled => l["Notification.ReportHandled." + detail, subject],
        NotificationKind.CallOpened => l["Notification.CallOpened", subject,
            DateOnly.TryParse(detail, System.Globalization.CultureInfo.InvariantCulture, out var closesOn) ? Display.Day(closesOn) : detail ?? ""],
        NotificationKind.CallClosed => l["Notification.CallClosed", subject],
        _ => subject,
    };

    /// <summary>Where a notification leads: its entry, its call for contributions, or else the list of notifications.</summary>
    public static string Path(int? entryId, int? callId) =>
        entryId is { } entry ? $"/Entries/{entry}" : callId is { } call ? $"/Calls/{call}" : "/Notifications";

    /// <summary>What replaces the name of someone whose account was deleted, in the notifications that named them.</summary>
    public const string FormerAgent = "\u2205";

    private static string Name(IStringLocalizer l, string? name) =>
        name == FormerAgent ? l["User.Former"] : string.IsNullOrEmpty(name) ? l["Entry.AnonymousAgent"] : name;
}
