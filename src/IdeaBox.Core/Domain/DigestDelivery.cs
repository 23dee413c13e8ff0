namespace IdeaBox.Domain;

/// <summary>The weekly digest of one user for one week: its key makes a second sending impossible.</summary>
public sealed class DigestDelivery
{
    public int UserId { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateTime SentAt { get; set; }
}
