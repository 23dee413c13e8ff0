namespace IdeaBox.Domain;

/// <summary>When an entry takes votes, and what a vote means for each kind.</summary>
public static class VoteRules
{
    /// <summary>Closed entries (Declined, Merged, Done) and hidden ones take no new votes.</summary>
    public static bool IsOpenForVotes(EntryStatus status) => OpenStatuses.Contains(status);

    /// <summary>The statuses that take votes, for the conditional updates that count them.</summary>
    public static readonly EntryStatus[] OpenStatuses =
        [.. Enum.GetValues<EntryStatus>().Where(s => s is not (EntryStatus.Declined or EntryStatus.Merged or EntryStatus.Done or EntryStatus.Hidden))];

    /// <summary>The resource key of what a vote means for each kind ("Je soutiens", "Moi aussi", "Inspirant").</summary>
    public static string LabelKey(EntryKind kind) => kind switch
    {
        EntryKind.Idea => "Vote.Idea",
        EntryKind.Difficulty => "Vote.Difficulty",
        EntryKind.Initiative => "Vote.Initiative",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
