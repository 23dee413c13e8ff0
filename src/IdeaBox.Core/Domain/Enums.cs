namespace IdeaBox.Domain;

/// <summary>The three kinds of entry of the participation process.</summary>
public enum EntryKind
{
    Idea = 1,
    Difficulty = 2,
    Initiative = 3,
}

/// <summary>States of the moderation life cycle (see DESIGN.md, "The life of an entry").</summary>
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

/// <summary>Where an entry comes from: an agent, or a source a moderator records.</summary>
public enum EntryOrigin
{
    Agent = 0,
    SwotAnalysis = 1,
    InternalAudit = 2,
    CafSelfAssessment = 3,
    PartnerMeeting = 4,
    ServiceInformationNote = 5,
}
