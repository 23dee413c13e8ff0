using IdeaBox.Web.Features.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdeaBox.Web.Pages;

/// <summary>
/// The language switch of the header: remembers the choice in a cookie for a year and, for a
/// signed-in user, in their account (so it follows them to another browser, and to their e-mails).
/// </summary>
[AllowAnonymous]
public sealed class CultureModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken ct)
    {
        if (!Cultures.IsSupported(culture)) return BadRequest();
        Cultures.Remember(Response, culture);
        if (User.Identity?.IsAuthenticated == true) await mediator.Send(new ChooseLanguage(culture), ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
