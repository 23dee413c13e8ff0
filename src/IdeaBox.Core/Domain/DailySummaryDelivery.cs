namespace IdeaBox.Domain;

/// <summary>The daily summary of one user for one day: its key makes a second sending impossible.</summary>
public sealed class DailySummaryDelivery
{
    public int UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime SentAt { get; set; }
}
