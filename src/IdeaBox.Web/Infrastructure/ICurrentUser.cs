namespace IdeaBox.Web.Infrastructure;

/// <summary>Who is acting. Handlers take this instead of HttpContext, so tests can set it.</summary>
public interface ICurrentUser
{
    bool IsSignedIn { get; }

    /// <summary>The signed-in user's id; every message requires a signed-in user, so handlers can rely on it.</summary>
    int Id { get; }

    bool IsInRole(string role);

    /// <summary>Whether the user's roles grant <paramref name="permission"/> (see <see cref="Permissions"/>).</summary>
    bool Has(string permission) => Permissions.Grant(permission, IsInRole);

    /// <summary>Moderators see hidden entries and anonymous authors' names.</summary>
    bool Moderates => Has(Permissions.Moderate);

    /// <summary>The user as the domain knows them: their id and the roles they hold.</summary>
    Actor Actor => new(Id, [.. Roles.ByPrecedence.Where(IsInRole)]);
}
