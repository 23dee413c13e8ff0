using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

/// <summary>The security log for administrators: filtered, paged, and downloadable as CSV or Excel.</summary>
[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class SecurityModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public int? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public SecurityEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SecurityEventPage Events { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Events = await mediator.Send(new ListSecurityEvents(UserId, Kind, From, To, PageNumber), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        ModelState.Clear();
        var events = await mediator.Send(new ListSecurityEvents(UserId, Kind, From, To, All: true), ct);
        return await DownloadAsync(new TableExport($"ideabox-security-{DateTime.UtcNow:yyyyMMdd}",
            [L["Security.When"] + " (UTC)", L["Security.What"], L["Security.Account"], L["Login.Email"], L["Security.By"], L["Security.Address"], L["Security.Detail"]],
            events.Items.Select(e => (IReadOnlyList<object?>)[e.At, L["Security.Kind." + e.Kind].Value, e.UserId, e.Email, e.ActorName, e.IpAddress, e.Detail])),
            format);
    }

    public Dictionary<string, string> RouteFor(int page) => Route().Page(page);

    public Dictionary<string, string> ExportRoute(ExportFormat format) => Route().Add("handler", "Export").Add("format", format).Page(1);

    private PageRoute Route() => new PageRoute().Add("user", UserId).Add("kind", Kind).Add("from", From).Add("to", To);
}
