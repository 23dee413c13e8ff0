namespace IdeaBox.Domain;

/// <summary>An entry carried by a project (many to many).</summary>
public sealed class ProjectEntry
{
    public int ProjectId { get; set; }
    public int EntryId { get; set; }
    public DateTime CreatedAt { get; set; }
}
