using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Pages;

/// <summary>What every page shares: sending a form's message and showing the domain's refusals next to their fields.</summary>
public abstract class AppPageModel : PageModel
{
    /// <summary>A one-off message shown on the next page after a redirect ("Votre vote est enregistré").</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    protected IStringLocalizer L => Localization.Strings;

    /// <summary>
    /// Runs <paramref name="send"/> (send the message, then redirect). When the domain refuses, the page
    /// comes back with each message next to its field: 400 for invalid input, 409 for a conflict with
    /// the state of things. <paramref name="reload"/> reads again what the page shows; a field's
    /// key is "<paramref name="prefix"/>.Field" unless <paramref name="keyOf"/> says otherwise.
    /// </summary>
    protected async Task<IActionResult> SendFormAsync(Func<Task<IActionResult>> send, Func<Task>? reload = null, string prefix = "",
        Func<string, string>? keyOf = null)
    {
        string KeyOf(string field) => keyOf?.Invoke(field)
            ?? (prefix.Length == 0 ? field : field.Length == 0 ? prefix : $"{prefix}.{field}");
        try
        {
            return await send();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var error in ex.Errors) ModelState.AddModelError(KeyOf(error.Field), L[error.MessageKey, error.Arguments]);
            return await AgainAsync(StatusCodes.Status400BadRequest);
        }
        catch (ConflictException ex)
        {
            OnConflict(L[ex.MessageKey, ex.Arguments], KeyOf(ex.Field));
            return await AgainAsync(StatusCodes.Status409Conflict);
        }

        async Task<IActionResult> AgainAsync(int status)
        {
            if (reload is not null) await reload();
            Response.StatusCode = status;
            return Page();
        }
    }

    /// <summary>How a conflict is told: next to the form by default.</summary>
    protected virtual void OnConflict(string message, string key) => ModelState.AddModelError(key, message);

    /// <summary>A table as a CSV or Excel download; every export is written to the security log (who took what, when, from where).</summary>
    protected async Task<IActionResult> DownloadAsync(TableExport table, ExportFormat format)
    {
        await RecordDownloadAsync($"{table.FileName}.{format.ToString().ToLowerInvariant()}");
        return Exports.File(table, format);
    }

    /// <summary>Writes a download to the security log: who took which file, when, from where.</summary>
    protected async Task RecordDownloadAsync(string fileName)
    {
        var log = HttpContext.RequestServices.GetRequiredService<SecurityLog>();
        var user = HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
        await log.RecordAsync(SecurityEventKind.ExportDownloaded, user.Id, detail: fileName, ct: HttpContext.RequestAborted);
    }

    /// <summary>
    /// After a change to <paramref name="userId"/>'s roles, which ends that person's sessions: when it is
    /// the signed-in person, their own session is renewed so that they stay signed in.
    /// </summary>
    protected async Task RenewOwnSessionAsync(int userId)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) != userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) return;
        var signIn = HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>();
        if (await signIn.UserManager.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } user)
            await signIn.RefreshSignInAsync(user);
    }

    /// <summary>The form again, with its errors, as a 400.</summary>
    protected IActionResult InvalidForm()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
