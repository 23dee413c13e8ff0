namespace IdeaBox.Domain;

/// <summary>Where a project of the plan stands.</summary>
public enum ProjectStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Abandoned = 3,
}
