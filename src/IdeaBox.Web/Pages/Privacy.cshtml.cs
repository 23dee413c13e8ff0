using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages;

/// <summary>What IdeaBox keeps, for how long, the rights of the people, and every cookie it sets (a test checks the list against the cookies it sees).</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IOptions<AccountOptions> accounts) : AppPageModel
{
    /// <summary>A cookie the app sets: its name (a prefix for those that carry an id), what it is for, how long it lives.</summary>
    public sealed record CookieInfo(string Name, string Key, string Lifetime);

    public static readonly IReadOnlyList<CookieInfo> Cookies =
    [
        new("IdeaBox.Auth", "Session", "Session"),
        new(".AspNetCore.Antiforgery.", "Antiforgery", "Session"),
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
