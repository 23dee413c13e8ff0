using System.Security.Claims;
using IdeaBox.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Pages;

/// <summary>
/// The language switch of the header: remembers the choice in a cookie for a year and, for a
/// signed-in user, in their account (so it follows them to another browser, and to their e-mails).
/// </summary>
[AllowAnonymous]
public sealed class CultureModel(IdeaBoxDb db) : PageModel
{
    public static readonly string[] Supported = ["fr-BE", "en-GB"];

    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken ct)
    {
        if (culture is null || !Supported.Contains(culture)) return BadRequest();
        Remember(Response, culture);
        if (int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture), ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>The cookie the request localisation reads.</summary>
    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
