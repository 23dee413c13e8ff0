namespace IdeaBox.Domain;

/// <summary>Who does something: a user and the roles they hold, or the system (an entry closed when its projects are done).</summary>
public sealed record Actor(int? UserId, IReadOnlyCollection<string> Roles)
{
    /// <summary>The actor of the automatic moves; the audit trail shows it as "System".</summary>
    public static Actor System { get; } = new(null, [Transitions.System]);

    public bool Holds(string permission) => Permissions.Grant(permission, Roles.Contains);
}
