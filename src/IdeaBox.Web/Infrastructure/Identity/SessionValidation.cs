using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Checks the sign-in cookie against the account at every request: a disabled or deleted account,
/// or one whose security stamp changed (password reset, signed out everywhere), loses its session
/// at once, even with a copy of an old cookie. One primary-key read; Identity's own validator then
/// refreshes the roles every minute.
/// </summary>
public static class SessionValidation
{
    private static readonly Func<IdeaBoxDb, int, Task<SessionState?>> Read = EF.CompileAsyncQuery((IdeaBoxDb db, int id) =>
        db.Users.Where(u => u.Id == id).Select(u => new SessionState(u.SecurityStamp, u.DisabledAt == null && u.DeletedAt == null)).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        var state = int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await Read(services.GetRequiredService<IdeaBoxDb>(), id)
            : null;
        if (state is null || !state.Active || (state.Stamp ?? "") != (principal!.FindFirstValue(stampClaim) ?? ""))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private sealed record SessionState(string? Stamp, bool Active);
}
