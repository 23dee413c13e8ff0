using IdeaBox.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Moderation;

public sealed class LogModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public int? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Entry { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ModerationLog Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Log = await mediator.Send(new GetModerationLog(Entry, Action, Actor, From, To, PageNumber), ct);
    }

    public Dictionary<string, string> RouteFor(int page) => new PageRoute()
        .Add("action", Action).Add("actor", Actor).Add("from", From).Add("to", To).Add("entry", Entry)
        .Page(page);
}
