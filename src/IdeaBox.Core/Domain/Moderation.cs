namespace IdeaBox.Domain;

/// <summary>
/// The moderation state machine of DESIGN.md ("The life of an entry") as one table:
/// who may move an entry from one status to another, and whether a reason is required.
/// Anything not in the table is refused.
/// </summary>
public static class Transitions
{
    /// <summary>The actor of the automatic moves (an entry becomes Done when all its projects are done).</summary>
    public const string System = "System";

    public sealed record Rule(EntryStatus From, EntryStatus To, string Role, bool ReasonRequired);

    public static readonly IReadOnlyList<Rule> Table = Build();

    private static List<Rule> Build()
    {
        var rules = new List<Rule>
        {
            new(EntryStatus.Submitted, EntryStatus.UnderReview, Roles.Moderator, false),
            new(EntryStatus.UnderReview, EntryStatus.Accepted, Roles.Moderator, false),
            new(EntryStatus.UnderReview, EntryStatus.Declined, Roles.Moderator, true),
            new(EntryStatus.UnderReview, EntryStatus.Merged, Roles.Moderator, false),
            // Promotion to the plan: only by linking the entry to a project (see PromoteEntry).
            new(EntryStatus.Accepted, EntryStatus.InPlan, Roles.Moderator, false),
            // Done follows the projects: when every project that carries the entry is done.
            new(EntryStatus.InPlan, EntryStatus.Done, System, false),
        };
        // Hiding (abuse) from any state and lifting it, both with a reason. Lifting restores the
        // status the entry had before (see Entry.StatusBeforeHidden).
        foreach (var status in Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Hidden))
        {
            rules.Add(new(status, EntryStatus.Hidden, Roles.Moderator, true));
            rules.Add(new(EntryStatus.Hidden, status, Roles.Moderator, true));
        }
        return rules;
    }

    public static Rule? Find(EntryStatus from, EntryStatus to, string role) =>
        Table.FirstOrDefault(r => r.From == from && r.To == to && r.Role == role);

    /// <summary>The rule that lets one of <paramref name="roles"/> make the move, or null.</summary>
    public static Rule? Find(EntryStatus from, EntryStatus to, IEnumerable<string> roles) =>
        roles.Select(role => Find(from, to, role)).FirstOrDefault(r => r is not null);

    /// <summary>The moves a moderator may offer on an entry's page (promotion and merging have their own forms).</summary>
    public static IEnumerable<EntryStatus> ManualTargets(EntryStatus from) =>
        Table.Where(r => r.From == from && r.Role == Roles.Moderator
                && r.To is not (EntryStatus.InPlan or EntryStatus.Merged or EntryStatus.Hidden)
                && from != EntryStatus.Hidden)
            .Select(r => r.To);
}

/// <summary>What a moderator or the system did, as written to the audit trail.</summary>
public enum AuditAction
{
    Transition = 1,
    Merge = 2,
    Hide = 3,
    Unhide = 4,
    ThemesChanged = 5,
    Promote = 6,
    LinkAnswer = 7,
    UnlinkAnswer = 8,
    ExpertRequested = 9,
    Recorded = 10,
    Imported = 11,
}

/// <summary>One line of the audit trail: who did what to which entry, when, from, to and why.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public int? EntryId { get; set; }
    public int? ActorId { get; set; }
    public AppUser? Actor { get; set; }
    public DateTime At { get; set; }
    public AuditAction Action { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A user who wants to hear about an entry. Authors and voters follow automatically.</summary>
public sealed class Follow
{
    public int EntryId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An idea or an initiative that answers a difficulty (the "mirror" of the slides).</summary>
public sealed class EntryAnswer
{
    public int AnswerId { get; set; }
    public int DifficultyId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A moderator asks an expert a question about an entry; the answer is the expert opinion.</summary>
public sealed class ExpertRequest
{
    public const int QuestionMaxLength = 2000;
    public const int AnswerMaxLength = 10_000;

    public int Id { get; set; }
    public int EntryId { get; set; }
    public Entry? Entry { get; set; }
    public int ExpertId { get; set; }
    public AppUser? Expert { get; set; }
    public int RequestedById { get; set; }
    public AppUser? RequestedBy { get; set; }
    public required string Question { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnswerHtml { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
