namespace IdeaBox.Domain;

/// <summary>
/// A node of the organisation tree (general administration → directorate → service).
/// <see cref="Path"/> is the materialised path of ids ("/1/4/9/") so that a filter on a unit
/// can include every unit below it with one indexed prefix match.
/// </summary>
public sealed class OrgUnit
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 50;

    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The organisation's own code for the unit (HR files, the directory's claims); unique when set.</summary>
    public string? Code { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public string Path { get; set; } = "/";
    public int Depth { get; set; }

    /// <summary>The path of a unit placed under <paramref name="parent"/> (or at the top), once its id is known.</summary>
    public void PlaceUnder(OrgUnit? parent)
    {
        ParentId = parent?.Id;
        Depth = parent is null ? 0 : parent.Depth + 1;
        Path = (parent?.Path ?? "/") + Id + "/";
    }
}
