namespace IdeaBox.Domain;

/// <summary>A comment, or a reply to a top-level comment (one level of replies only).</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public Entry? Entry { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    /// <summary>Set while a moderator hides the comment: it is then gone for everyone but moderators.</summary>
    public DateTime? HiddenAt { get; set; }
    public int? HiddenById { get; set; }
    /// <summary>Why it was hidden, told to its author.</summary>
    public string? HiddenReason { get; set; }
}
