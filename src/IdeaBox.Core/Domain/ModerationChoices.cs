namespace IdeaBox.Domain;

/// <summary>
/// What a moderator may do to an entry in its present state, from the transition table: the
/// moderation page shows these forms and no other.
/// </summary>
/// <param name="Moves">The statuses offered in the list of moves.</param>
/// <param name="CanPromote">Put into the plan (accepted entries), or linked to one more project (entries already in it).</param>
/// <param name="CanMerge">Merged into another entry as a duplicate.</param>
/// <param name="CanLinkAnswers">Ideas and initiatives answer difficulties.</param>
/// <param name="CanShowAgain">Hidden entries are shown again; the others can be hidden.</param>
public sealed record ModerationChoices(IReadOnlyList<EntryStatus> Moves, bool CanPromote, bool CanMerge, bool CanLinkAnswers, bool CanShowAgain)
{
    public bool CanHide => !CanShowAgain;

    /// <remarks>A hidden entry is only shown again: the moves it could make then are offered once it is back.</remarks>
    public static ModerationChoices For(EntryStatus status, EntryKind kind) => new(
        [.. Transitions.ManualTargets(status)],
        CanPromote: status == EntryStatus.InPlan || (status != EntryStatus.Hidden && Transitions.Find(status, EntryStatus.InPlan, Roles.Moderator) is not null),
        CanMerge: status != EntryStatus.Hidden && Transitions.Find(status, EntryStatus.Merged, Roles.Moderator) is not null,
        CanLinkAnswers: kind != EntryKind.Difficulty,
        CanShowAgain: status == EntryStatus.Hidden);
}
