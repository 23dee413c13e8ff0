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
