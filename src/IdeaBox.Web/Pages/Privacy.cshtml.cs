using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages;

/// <summary>What IdeaBox keeps, for how long, the rights of the people, and every cookie it sets (a test checks the list against the cookies it sees).</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IOptions<AccountOptions> accounts, IOptions<WebSecurityOptions> security) : AppPageModel
{
    /// <summary>A cookie the app sets: its name (a prefix for those that carry an id), what it is for, how long it lives.</summary>
    public sealed record CookieInfo(string Name, string Key, string Lifetime);

    /// <summary>The cookies, with the "__Host-" prefix of those sent over HTTPS only when the configuration requires HTTPS.</summary>
    public IReadOnlyList<CookieInfo> Cookies =>
    [
        new(security.Value.CookiePrefix + WebSecurity.AuthCookie, "Session", "Session"),
        new(security.Value.CookiePrefix + WebSecurity.AntiforgeryCookie, "Antiforgery", "Session"),
        new(".AspNetCore.Culture", "Culture", "Year"),
        new(".AspNetCore.Mvc.CookieTempDataProvider", "TempData", "Session"),
        new("Identity.TwoFactorUserId", "TwoFactor", "Minutes"),
        new("Identity.External", "External", "Minutes"),
        new(".AspNetCore.Correlation.", "Correlation", "Minutes"),
        new(".AspNetCore.OpenIdConnect.Nonce.", "Nonce", "Minutes"),
    ];

    public int SecurityLogMonths => accounts.Value.SecurityLogMonths;

    public void OnGet()
    {
    }
}
