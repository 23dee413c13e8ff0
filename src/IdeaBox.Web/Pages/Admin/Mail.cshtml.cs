using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

/// <summary>The e-mails that could not be sent, and a button to send one again.</summary>
public sealed class MailModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MailFailurePage Failures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Failures = await mediator.Send(new ListMailFailures(PageNumber), ct);

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct)
    {
        await mediator.Send(new ResendMail(id), ct);
        StatusMessage = L["Mail.Resent"];
        return RedirectToPage(new { p = PageNumber });
    }

    public Dictionary<string, string> RouteFor(int page) => new PageRoute().Page(page);
}
