using System.Security.Claims;

namespace IdeaBox.Web.Infrastructure.Authorization;

public static class PrincipalPermissions
{
    /// <summary>Whether the signed-in user's roles grant <paramref name="permission"/>: the menus ask the messages' question.</summary>
    public static bool Has(this ClaimsPrincipal user, string permission) => Permissions.Grant(permission, user.IsInRole);
}
