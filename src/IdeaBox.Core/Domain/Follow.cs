namespace IdeaBox.Domain;

/// <summary>A user who wants to hear about an entry. Authors and voters follow automatically.</summary>
public sealed class Follow
{
    public int EntryId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
