namespace IdeaBox.Domain;

/// <summary>How a user wants to hear about one kind of event.</summary>
public enum NotificationDelivery
{
    /// <summary>An e-mail for each event, within a minute.</summary>
    Immediately = 0,
    /// <summary>One e-mail a day with all such events.</summary>
    DailySummary = 1,
    /// <summary>In the application only (the bell).</summary>
    InAppOnly = 2,
}
