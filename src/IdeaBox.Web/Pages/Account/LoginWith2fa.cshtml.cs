using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Account;

/// <summary>The second step of signing in with a password: the authenticator app's code (or a recovery code).</summary>
[RateLimited(RateLimitPolicy.SignIn, "POST")]
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : AppPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        var code = RecoveryCode ? (Code ?? "").Replace(" ", "", StringComparison.Ordinal) : new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), L["Validation.Required"]);
            return InvalidForm();
        }
        var result = RecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(nameof(Code), L[result.IsLockedOut ? "Login.LockedOut" : "TwoFactor.WrongCode"]);
        if (!result.IsLockedOut) return InvalidForm();
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
