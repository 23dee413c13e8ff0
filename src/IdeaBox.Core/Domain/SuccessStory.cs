namespace IdeaBox.Domain;

/// <summary>
/// An initiative or a done entry that moderators put on show: what changed, in a few lines, and the unit
/// to contact. Shown on the home page, in the weekly digest and on a printable page (the slides' "montrer
/// que des initiatives et des réussites existent déjà").
/// </summary>
public sealed class SuccessStory
{
    public const int WhatChangedMaxLength = 1000;

    public int Id { get; set; }
    public int EntryId { get; set; }
    public required string WhatChanged { get; set; }
    public int ContactUnitId { get; set; }
    public OrgUnit? ContactUnit { get; set; }
    public int FeaturedById { get; set; }
    public DateTime FeaturedAt { get; set; }

    /// <summary>Initiatives (what already works) and entries that became Done can be featured; hidden, merged or declined ones cannot.</summary>
    public static bool CanFeature(EntryKind kind, EntryStatus status) =>
        status is not (EntryStatus.Hidden or EntryStatus.Merged or EntryStatus.Declined)
        && (kind == EntryKind.Initiative || status == EntryStatus.Done);

    public static IEnumerable<FieldError> Validate(string? whatChanged, int? contactUnitId)
    {
        foreach (var error in FieldRules.Required("WhatChanged", whatChanged, WhatChangedMaxLength)) yield return error;
        if (contactUnitId is null) yield return new("ContactUnitId", "Validation.Required");
    }
}
