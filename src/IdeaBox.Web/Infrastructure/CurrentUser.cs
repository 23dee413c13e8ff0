using System.Security.Claims;
using IdeaBox.Domain;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Who is acting. Handlers take this instead of HttpContext, so tests can set it.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id; handlers behind the login wall can rely on it.</summary>
    int Id { get; }
    bool IsInRole(string role);
    bool IsModerator => IsInRole(Roles.Moderator);
    bool IsAdministrator => IsInRole(Roles.Administrator);

    /// <summary>The roles the user holds, most powerful first.</summary>
    IEnumerable<string> HeldRoles => Domain.Roles.ByPrecedence.Where(IsInRole);
}

public static class CurrentUserGuards
{
    /// <summary>Refuses (403) anyone who is not a moderator.</summary>
    public static void MustModerate(this ICurrentUser user)
    {
        if (!user.IsModerator) throw new ForbiddenException("Only moderators may do this.");
    }

    /// <summary>Refuses (403) anyone who is not an administrator.</summary>
    public static void MustAdminister(this ICurrentUser user)
    {
        if (!user.IsAdministrator) throw new ForbiddenException("Only administrators may do this.");
    }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request is in progress.");

    public int Id => int.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("The user is not signed in.");

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
