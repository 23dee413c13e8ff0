namespace IdeaBox.Domain;

/// <summary>What an entry is about (mobility, digital tools…): the cross-service view of the slides.</summary>
public sealed class Theme
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Entry> Entries { get; set; } = [];
}
