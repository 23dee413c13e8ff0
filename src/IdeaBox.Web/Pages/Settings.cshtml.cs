using IdeaBox.Web.Features.Settings;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages;

public sealed class SettingsModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public bool WeeklyDigest { get; set; }

    public MySettings Settings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await mediator.Send(new GetMySettings(), ct);
        WeeklyDigest = Settings.WeeklyDigest;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(new SaveMySettings(WeeklyDigest), ct);
        StatusMessage = L["Settings.Saved"];
        return RedirectToPage();
    }
}
