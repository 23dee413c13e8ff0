using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// Signing in: through the organisation's provider when one is configured, and with an e-mail and a
/// password (Identity's SignInManager) unless configuration switched local accounts off.
/// </summary>
[RateLimited(RateLimitPolicy.SignIn, "POST")]
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInThrottle throttle, IOptions<AccountOptions> accounts, IOptions<OidcOptions> oidc) : AppPageModel
{
    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LocalSignIn => accounts.Value.LocalSignIn;
    public bool OrganisationSignIn => oidc.Value.Enabled;
    public string? OrganisationName => oidc.Value.DisplayName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LocalSignIn) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", L["Validation.Required"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", L["Validation.Required"]);
        if (!ModelState.IsValid) return InvalidForm();

        // Too many tries for this address from here: the same answer whether or not it has an account.
        if (throttle.Attempt(HttpContext.Connection.RemoteIpAddress, Input.Email!) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("Input.Password", L.Plural("Login.TooManyAttempts", minutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, Input.RememberMe });
        if (result.Succeeded)
        {
            // The language chosen in the account wins over this browser's cookie.
            var culture = (await signIn.UserManager.FindByEmailAsync(Input.Email!.Trim()))?.Culture;
            if (Cultures.IsSupported(culture)) Cultures.Remember(Response, culture);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // A wrong password, an unknown address and a locked account get the same answer: it tells nobody which accounts exist.
        ModelState.AddModelError("Input.Password", L["Login.Failed"]);
        return InvalidForm();
    }
}
