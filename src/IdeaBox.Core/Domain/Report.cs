namespace IdeaBox.Domain;

/// <summary>Why someone reports an entry or a comment.</summary>
public enum ReportReason
{
    Insulting = 1,
    PersonalData = 2,
    Discriminatory = 3,
    Spam = 4,
    OffTopic = 5,
    Other = 6,
}

/// <summary>What the moderators decided about the reports on an entry or a comment.</summary>
public enum ReportOutcome
{
    /// <summary>The content stays hidden (or is hidden now).</summary>
    Upheld = 1,
    /// <summary>Nothing wrong: the content is shown again if the reports had hidden it.</summary>
    Dismissed = 2,
}

/// <summary>
/// One person's report of an entry, or of one of its comments (<see cref="CommentId"/> set), once per person
/// and content. Reports wait for a moderator; enough distinct reporters hide the content until then.
/// </summary>
public sealed class Report
{
    public const int DetailsMaxLength = 1000;

    public int Id { get; set; }
    public int EntryId { get; set; }
    public int? CommentId { get; set; }
    public int ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string? Details { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int? ResolvedById { get; set; }
    public ReportOutcome? Outcome { get; set; }

    public static IEnumerable<FieldError> Validate(ReportReason? reason, string? details)
    {
        if (reason is null || !Enum.IsDefined(reason.Value)) yield return new(nameof(Reason), "Report.ChooseReason");
        else if (reason == ReportReason.Other && string.IsNullOrWhiteSpace(details)) yield return new(nameof(Details), "Report.SayWhy");
        foreach (var error in FieldRules.Optional(nameof(Details), details, DetailsMaxLength)) yield return error;
    }
}
