namespace IdeaBox.Domain;

/// <summary>One user's support for one entry; the key (entry, user) makes a second vote impossible.</summary>
public sealed class Vote
{
    public int EntryId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
