using IdeaBox.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Pages;

/// <summary>What every page shares: putting the domain's validation errors next to their fields.</summary>
public abstract class AppPageModel : PageModel
{
    /// <summary>A one-off message shown on the next page after a redirect ("Votre vote est enregistré").</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    protected IStringLocalizer L => Localization.Strings;

    /// <summary>Adds each error under "<paramref name="prefix"/>.Field", in the user's language.</summary>
    protected void AddErrors(ValidationFailedException exception, string prefix)
    {
        foreach (var error in exception.Errors)
            ModelState.AddModelError(prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", L[error.MessageKey, error.Arguments]);
    }

    /// <summary>The form again, with its errors, as a 400.</summary>
    protected IActionResult InvalidForm()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
