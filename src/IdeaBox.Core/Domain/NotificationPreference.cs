namespace IdeaBox.Domain;

/// <summary>A user's choice of delivery for one kind of notification; without one, <see cref="Default"/> applies.</summary>
public sealed class NotificationPreference
{
    public int UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }

    /// <summary>Moderators get new entries to triage as one daily summary, never one e-mail per entry; everything else at once.</summary>
    public static NotificationDelivery Default(NotificationKind kind) =>
        kind == NotificationKind.AwaitingTriage ? NotificationDelivery.DailySummary : NotificationDelivery.Immediately;

    /// <summary>The kinds of notification someone with these permissions can receive, so the settings offer only those.</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(Func<string, bool> has)
    {
        List<NotificationKind> kinds =
            [
                NotificationKind.StatusChanged, NotificationKind.CommentOnYourEntry, NotificationKind.ReplyToYourComment, NotificationKind.ProjectProgress,
                NotificationKind.CallOpened, NotificationKind.CallClosed,
            ];
        if (has(Permissions.GiveExpertOpinions)) kinds.Add(NotificationKind.ExpertRequested);
        if (has(Permissions.Moderate)) kinds.AddRange([NotificationKind.AwaitingTriage, NotificationKind.ExpertAnswered]);
        return kinds;
    }
}
