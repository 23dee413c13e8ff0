using IdeaBox.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Notifications;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public NotificationPage Result { get; private set; } = new([], 0, Paging.Of(1, 0, ListNotifications.PageSize));

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await mediator.Send(new ListNotifications(PageNumber), ct);

    /// <summary>Opening a notification marks it read and goes to what it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var target = await mediator.Send(new MarkNotificationRead(id), ct);
        return target switch
        {
            { EntryId: { } entry } => RedirectToPage("/Entries/Details", new { id = entry }),
            { CallId: { } call } => RedirectToPage("/Calls/Details", new { id = call }),
            _ => RedirectToPage(new { p = PageNumber }),
        };
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationRead(id), ct);
        StatusMessage = L["Notifications.MarkedRead"];
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await mediator.Send(new MarkAllNotificationsRead(), ct);
        StatusMessage = L["Notifications.AllMarkedRead"];
        return RedirectToPage();
    }

    public Dictionary<string, string> RouteFor(int page) => new PageRoute().Page(page);
}
