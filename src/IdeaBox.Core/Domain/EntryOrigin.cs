namespace IdeaBox.Domain;

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
