namespace IdeaBox.Domain;

/// <summary>A dated note on a project's progress.</summary>
public sealed class ProjectNote
{
    public const int BodyMaxLength = 4000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public DateTime At { get; set; }
    public required string Body { get; set; }
    public int? Progress { get; set; }
}
