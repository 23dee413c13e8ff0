using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// Signing in through the organisation: a link (not a form, so the page's CSP need not allow posting
/// to the provider) sends the browser to the provider; its answer comes back to the callback, which
/// creates or updates the account and signs in.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<AppUser> signIn, DirectoryAccounts directory, IOptions<OidcOptions> oidc,
    ILogger<ExternalModel> logger) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var callback = Url.Page("/Account/External", "Callback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, callback), OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken ct)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Failed(ExternalFailure.Expired);
        DirectorySignIn result;
        try
        {
            result = await directory.SignInAsync(info, ct);
        }
        catch (ValidationFailedException ex)
        {
            logger.LogWarning(ex, "The account of an organisation sign-in could not be saved.");
            result = new DirectorySignIn(null, ExternalFailure.Provider);
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (result.User is not { } user) return Failed(result.Failure ?? ExternalFailure.Provider);

        // The ID token rides in the application's cookie, for signing out at the provider too.
        var properties = new AuthenticationProperties();
        if (info.AuthenticationTokens?.FirstOrDefault(t => t.Name == "id_token") is { } idToken) properties.StoreTokens([idToken]);
        await signIn.SignInAsync(user, properties, OidcOptions.Scheme);
        if (Cultures.IsSupported(user.Culture)) Cultures.Remember(Response, user.Culture);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private RedirectToPageResult Failed(ExternalFailure failure) => RedirectToPage("/Account/ExternalError", new { reason = failure });
}
