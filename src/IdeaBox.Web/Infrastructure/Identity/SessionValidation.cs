using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// A session's life. It ends after <see cref="AccountOptions.SessionIdleMinutes"/> without a
/// request (longer with "remember me"), and <see cref="AccountOptions.SessionAbsoluteHours"/> after
/// its sign-in whatever happens. At every request the cookie is checked against the account: a
/// disabled or deleted account, or one whose security stamp changed (signed out, password or
/// second factor or roles changed), loses its session at once, even with a copy of an old cookie.
/// One primary-key read; Identity's own validator then refreshes the roles every minute.
/// </summary>
public static class SessionValidation
{
    /// <summary>When the person signed in (round-trip UTC), kept in the cookie across its renewals.</summary>
    public const string SignedInItem = "ideabox.signed-in";

    private static readonly Func<IdeaBoxDb, int, Task<SessionState?>> Read = EF.CompileAsyncQuery((IdeaBoxDb db, int id) =>
        db.Users.Where(u => u.Id == id).Select(u => new SessionState(u.SecurityStamp, u.DisabledAt == null && u.DeletedAt == null)).FirstOrDefault());

    /// <summary>At a sign-in (or its refresh): remembers when it started, and sets how long it may stay idle.</summary>
    public static Task SigningInAsync(CookieSigningInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var properties = context.Properties;
        if (SignedIn(properties) is not { } signedIn)
        {
            signedIn = now;
            properties.Items[SignedInItem] = now.ToString("O", CultureInfo.InvariantCulture);
        }
        var idle = properties.IsPersistent ? TimeSpan.FromHours(options.RememberMeIdleHours) : TimeSpan.FromMinutes(options.SessionIdleMinutes);
        var end = signedIn + TimeSpan.FromHours(options.SessionAbsoluteHours);
        properties.IssuedUtc = now;
        properties.ExpiresUtc = now + idle < end ? now + idle : end;
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal;
        var current = SignedIn(context.Properties) is { } signedIn && now < signedIn + TimeSpan.FromHours(options.SessionAbsoluteHours);
        var state = current && int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
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

    private static DateTimeOffset? SignedIn(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInItem, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private sealed record SessionState(string? Stamp, bool Active);
}
