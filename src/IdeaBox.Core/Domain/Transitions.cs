namespace IdeaBox.Domain;

/// <summary>
/// The moderation state machine of DESIGN.md ("The life of an entry") as one table:
/// who may move an entry from one status to another, and whether a reason is required.
/// Anything not in the table is refused. <see cref="Entry"/>'s state changes enforce it.
/// </summary>
public static class Transitions
{
    /// <summary>The role of the automatic moves (an entry becomes Done when all its projects are done).</summary>
    public const string System = "System";

    /// <summary>The longest reason a move may carry.</summary>
    public const int ReasonMaxLength = 2000;

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
            // Promotion to the plan: only by linking the entry to a project (Entry.PutInPlan).
            new(EntryStatus.Accepted, EntryStatus.InPlan, Roles.Moderator, false),
            // Done follows the projects: when every project that carries the entry is done (Entry.Complete).
            new(EntryStatus.InPlan, EntryStatus.Done, System, false),
        };
        // Hiding (abuse) from any state and lifting it, both with a reason. Lifting restores the
        // status the entry had before (Entry.ShowAgain).
        foreach (var status in Enum.GetValues<EntryStatus>().Where(s => s != EntryStatus.Hidden))
        {
            rules.Add(new(status, EntryStatus.Hidden, Roles.Moderator, true));
            rules.Add(new(EntryStatus.Hidden, status, Roles.Moderator, true));
            // Enough people reported it: hidden until a moderator decides (Entry.Hide by the system).
            rules.Add(new(status, EntryStatus.Hidden, System, true));
        }
        return rules;
    }

    public static Rule? Find(EntryStatus from, EntryStatus to, string role) =>
        Table.FirstOrDefault(r => r.From == from && r.To == to && r.Role == role);

    /// <summary>The rule that lets one of <paramref name="roles"/> make the move, or null.</summary>
    public static Rule? Find(EntryStatus from, EntryStatus to, IEnumerable<string> roles) =>
        roles.Select(role => Find(from, to, role)).FirstOrDefault(r => r is not null);

    /// <summary>The moves a moderator picks from a list (promotion, merging and hiding have their own forms).</summary>
    public static IEnumerable<EntryStatus> ManualTargets(EntryStatus from) =>
        Table.Where(r => r.From == from && r.Role == Roles.Moderator
                && r.To is not (EntryStatus.InPlan or EntryStatus.Merged or EntryStatus.Hidden)
                && from != EntryStatus.Hidden)
            .Select(r => r.To);
}
