using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, with what IdeaBox adds: a disabled or deleted account cannot sign in; failed
/// passwords lock an account only when they come too often from anywhere (<see cref="SignInThrottle"/>),
/// the same counting for addresses without an account; every attempt, lockout and sign-out goes to
/// the security log.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SecurityLog log,
    SignInThrottle throttle,
    IOptions<RateLimitOptions> limits)
    : SignInManager<AppUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.CanSignIn && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName.Trim());
        if (user is not null) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        // As long as for a real account, so that the time taken does not tell which addresses have one.
        UserManager.PasswordHasher.HashPassword(new AppUser { DisplayName = "" }, password);
        if (lockoutOnFailure) throttle.FailedTooOften(Context.Connection.RemoteIpAddress, userName);
        await log.RecordAsync(SecurityEventKind.SignInFailed, null, userName.Trim(), detail: "unknown address");
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result == SignInResult.Failed && lockoutOnFailure && throttle.FailedTooOften(Context.Connection.RemoteIpAddress, user.Email ?? user.UserName ?? ""))
        {
            // Identity checks a lockout against the system clock: the end is set on the same clock.
            await UserManager.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(limits.Value.LockoutMinutes));
            result = SignInResult.LockedOut;
        }
        if (!result.RequiresTwoFactor) await RecordAsync(result, user, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null) await RecordAsync(result, user, "authenticator");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null) await RecordAsync(result, user, "recovery code");
        return result;
    }

    public override async Task SignOutAsync()
    {
        if (UserManager.GetUserId(Context.User) is { } id && int.TryParse(id, out var userId))
            await log.RecordAsync(SecurityEventKind.SignedOut, userId);
        await base.SignOutAsync();
    }

    private Task RecordAsync(SignInResult result, AppUser user, string method) =>
        log.RecordAsync(
            result.Succeeded ? SecurityEventKind.SignInSucceeded : result.IsLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed,
            user.Id, user.Email,
            detail: result.IsNotAllowed ? $"{method}; account disabled" : method);
}
