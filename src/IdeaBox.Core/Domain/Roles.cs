namespace IdeaBox.Domain;

/// <summary>The ASP.NET Core Identity roles of DESIGN.md; what each may do is in <see cref="Permissions"/>.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Expert = "Expert";
    public const string Moderator = "Moderator";
    public const string Leadership = "Leadership";
    public const string Administrator = "Administrator";

    /// <summary>From the most to the least powerful: the header shows the first one a user holds.</summary>
    public static readonly IReadOnlyList<string> ByPrecedence = [Administrator, Moderator, Leadership, Expert, Agent];
}
