using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (with its antiforgery token), never a link a page could trigger. Someone
/// who came through the organisation's provider is signed out there too, when it has an end-session endpoint.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, IOptions<OidcOptions> oidc, ILogger<LogoutModel> logger) : PageModel
{
    public const string IdTokenItem = "id_token_hint";

    public IActionResult OnGet() => RedirectToPage("/Entries/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var idToken = oidc.Value.Enabled ? await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") : null;
        // A new security stamp: a copy of this session's cookie (or any other session) no longer works.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        if (idToken is null || !await ProviderEndsSessionsAsync(ct)) return RedirectToPage("/Account/Login");
        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/Login") };
        properties.Items[IdTokenItem] = idToken;
        return SignOut(properties, OidcOptions.Scheme);
    }

    private async Task<bool> ProviderEndsSessionsAsync(CancellationToken ct)
    {
        try
        {
            var options = HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcOptions.Scheme);
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The provider cannot be reached: the person is signed out of IdeaBox, which is what matters here.
            logger.LogWarning(ex, "The provider's configuration could not be read to sign out there.");
            return false;
        }
    }
}
