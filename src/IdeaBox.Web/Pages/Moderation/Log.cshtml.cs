using System.Globalization;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Moderation;
using Mediator;
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

    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (Action is { } action) values["action"] = action.ToString();
        if (Actor is { } actor) values["actor"] = actor.ToString(CultureInfo.InvariantCulture);
        if (From is { } from) values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to) values["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Entry is { } entry) values["entry"] = entry.ToString(CultureInfo.InvariantCulture);
        if (page != 1) values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
