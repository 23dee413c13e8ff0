namespace IdeaBox.Domain;

/// <summary>
/// A call for contributions (<i>appel à contributions</i>), the seed's time-boxed process: a question put to
/// the invited units (every unit when none is named) from its opening day to its closing day, both included
/// (Brussels calendar days). Entries submitted into it carry its tag; once it has closed, votes on them are
/// frozen and its summary is published.
/// </summary>
public sealed class ContributionCall
{
    public const int QuestionMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public required string Question { get; set; }
    public string? Description { get; set; }
    /// <summary>The kinds of entry sought, as flags (1 &lt;&lt; kind).</summary>
    public int KindMask { get; set; }
    public DateOnly OpensOn { get; set; }
    /// <summary>The last day on which contributions and votes are taken.</summary>
    public DateOnly ClosesOn { get; set; }
    public List<Theme> Themes { get; set; } = [];
    /// <summary>Empty: every unit is invited. A unit invites every unit below it.</summary>
    public List<OrgUnit> InvitedUnits { get; set; } = [];
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the invited agents were told (set by whoever claims the announcement, once).</summary>
    public DateTime? AnnouncedAt { get; set; }
    /// <summary>When the closing was processed: contributors told that the summary is published.</summary>
    public DateTime? ClosedAt { get; set; }

    public static int MaskOf(IEnumerable<EntryKind> kinds) => kinds.Aggregate(0, (mask, kind) => mask | (1 << (int)kind));

    public IReadOnlyList<EntryKind> Kinds => [.. Enum.GetValues<EntryKind>().Where(Seeks)];

    public bool Seeks(EntryKind kind) => (KindMask & (1 << (int)kind)) != 0;

    public bool IsOpenOn(DateOnly today) => OpensOn <= today && today <= ClosesOn;

    public bool HasClosedOn(DateOnly today) => today > ClosesOn;

    public static IEnumerable<FieldError> Validate(string? question, string? description, IReadOnlyCollection<EntryKind> kinds,
        DateOnly? opensOn, DateOnly? closesOn, DateOnly today, bool isNew)
    {
        foreach (var error in FieldRules.Required("Question", question, QuestionMaxLength)) yield return error;
        foreach (var error in FieldRules.Optional("Description", description, DescriptionMaxLength)) yield return error;
        if (kinds.Count == 0 || kinds.Any(k => !Enum.IsDefined(k))) yield return new("Kinds", "Call.KindsRequired");
        if (opensOn is null) yield return new("OpensOn", "Validation.Required");
        if (closesOn is null) yield return new("ClosesOn", "Validation.Required");
        else if (opensOn is { } opens && closesOn < opens) yield return new("ClosesOn", "Call.ClosesBeforeOpening");
        else if (isNew && closesOn < today) yield return new("ClosesOn", "Call.ClosesInPast");
    }
}
