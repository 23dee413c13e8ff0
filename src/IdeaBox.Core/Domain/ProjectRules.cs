namespace IdeaBox.Domain;

/// <summary>Who reports on a project.</summary>
public static class ProjectRules
{
    /// <summary>Moderators, and the person named owner of the project, post its progress notes and move its progress.</summary>
    public static bool MayReport(int? ownerId, int userId, bool moderates) => moderates || ownerId == userId;
}
