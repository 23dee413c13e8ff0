using System.Security.Claims;

namespace IdeaBox.Web.Infrastructure;

/// <summary>What the header reads from the sign-in cookie, without a query.</summary>
public static class ClaimsPrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";

    /// <summary>The most powerful role the user holds, for the header.</summary>
    public static string MainRole(this ClaimsPrincipal user) =>
        Roles.ByPrecedence.FirstOrDefault(user.IsInRole) ?? Roles.Agent;
}
