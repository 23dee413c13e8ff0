namespace IdeaBox.Domain;

/// <summary>
/// What each role may do beyond taking part (DESIGN.md, "People and roles"), written once: the
/// messages declare the permission they need, the pages' folders require the same names as
/// authorization policies, and the menus ask the same question.
/// </summary>
public static class Permissions
{
    /// <summary>Triage, merge, decline, hide, promote, manage the plan.</summary>
    public const string Moderate = nameof(Moderate);
    /// <summary>Users and roles, units, themes.</summary>
    public const string Administer = nameof(Administer);
    /// <summary>Answer the questions moderators ask.</summary>
    public const string GiveExpertOpinions = nameof(GiveExpertOpinions);
    /// <summary>The leadership dashboard and its exports.</summary>
    public const string ReadDashboard = nameof(ReadDashboard);
    /// <summary>Bulk downloads of the list of entries and of the plan (every download is a security event).</summary>
    public const string Export = nameof(Export);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Moderate] = [Domain.Roles.Moderator],
        [Administer] = [Domain.Roles.Administrator],
        [GiveExpertOpinions] = [Domain.Roles.Expert],
        [ReadDashboard] = [Domain.Roles.Leadership, Domain.Roles.Moderator, Domain.Roles.Administrator],
        [Export] = [Domain.Roles.Leadership, Domain.Roles.Moderator, Domain.Roles.Administrator],
    };

    /// <summary>Whether someone holding the roles that <paramref name="isInRole"/> answers for has <paramref name="permission"/>.</summary>
    public static bool Grant(string permission, Func<string, bool> isInRole) =>
        Roles.TryGetValue(permission, out var roles)
            ? roles.Any(isInRole)
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "No such permission.");
}
