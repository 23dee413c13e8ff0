using IdeaBox.Web.Features.Settings;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages;

public sealed class SettingsModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public bool WeeklyDigest { get; set; }

    public MySettings Settings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        WeeklyDigest = Settings.WeeklyDigest;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveMySettings(WeeklyDigest, PostedDeliveries()), ct);
            StatusMessage = L["Settings.Saved"];
            return RedirectToPage();
        }, () => LoadAsync(ct));

    /// <summary>
    /// The radio buttons "Deliveries[Kind]" as posted, read by hand: the dictionary model binder,
    /// given no such field, would try to read every other field as one.
    /// </summary>
    private Dictionary<NotificationKind, NotificationDelivery> PostedDeliveries()
    {
        var deliveries = new Dictionary<NotificationKind, NotificationDelivery>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            if (!Request.Form.TryGetValue($"Deliveries[{kind}]", out var value)) continue;
            if (!Enum.TryParse<NotificationDelivery>(value, out var delivery) || !Enum.IsDefined(delivery))
                throw new ValidationFailedException($"delivery-{kind}-{NotificationDelivery.Immediately}", "Validation.Invalid");
            deliveries[kind] = delivery;
        }
        return deliveries;
    }

    private async Task LoadAsync(CancellationToken ct) => Settings = await mediator.Send(new GetMySettings(), ct);
}
