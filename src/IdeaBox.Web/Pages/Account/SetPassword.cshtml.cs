using System.Text;
using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// Choosing a password from a link: an invitation (the first one) or a forgotten password. The link
/// works once (the password changes the security stamp it is bound to) and expires.
/// </summary>
[RateLimited(RateLimitPolicy.SignIn, "POST")]
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<AppUser> users, SecurityLog log, IdeaBoxDb db) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public SetPasswordPurpose Purpose { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public bool LinkIsValid { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await FindValidAsync();
        LinkIsValid = user is not null;
        Email = user?.Email;
        if (!LinkIsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await FindValidAsync();
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        LinkIsValid = true;
        Email = user.Email;
        return await SendFormAsync(async () =>
        {
            Input.Check();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = Purpose == SetPasswordPurpose.Invitation
                ? await users.AddPasswordAsync(user, Input.Password!)
                : await users.ResetPasswordAsync(user, DecodedToken()!, Input.Password!);
            result.ThrowIfFailed(nameof(Input.Password));
            // The link came to this address: it is confirmed; a lockout ends with a new password.
            user.EmailConfirmed = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            log.Add(SecurityEventKind.PasswordReset, user.Id, user.Email, detail: Purpose == SetPasswordPurpose.Invitation ? "invitation" : "forgotten password");
            (await users.UpdateAsync(user)).ThrowIfFailed(nameof(Input.Password));
            await transaction.CommitAsync(ct);
            StatusMessage = L["Password.Set"];
            return RedirectToPage("/Account/Login");
        }, prefix: nameof(Input));
    }

    /// <summary>The account the link is for, when the link is still good; null for a wrong, used or expired link.</summary>
    private async Task<AppUser?> FindValidAsync()
    {
        var token = DecodedToken();
        if (token is null || UserId <= 0) return null;
        var user = await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || !user.CanSignIn) return null;
        var valid = Purpose == SetPasswordPurpose.Invitation
            ? !await users.HasPasswordAsync(user) && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private string? DecodedToken()
    {
        if (string.IsNullOrEmpty(Token)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
