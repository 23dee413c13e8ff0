namespace IdeaBox.Domain;

/// <summary>States of the moderation life cycle (see DESIGN.md, "The life of an entry", and <see cref="Transitions"/>).</summary>
public enum EntryStatus
{
    Submitted = 0,
    UnderReview = 1,
    Accepted = 2,
    Declined = 3,
    Merged = 4,
    InPlan = 5,
    Done = 6,
    Hidden = 7,
}
