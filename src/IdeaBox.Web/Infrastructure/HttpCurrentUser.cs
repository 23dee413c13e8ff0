using System.Security.Claims;

namespace IdeaBox.Web.Infrastructure;

/// <summary>The user of the HTTP request being served, from the sign-in cookie's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request is in progress.");

    public bool IsSignedIn => accessor.HttpContext?.User.Identity?.IsAuthenticated == true;

    public int Id => int.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("The user is not signed in.");

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
