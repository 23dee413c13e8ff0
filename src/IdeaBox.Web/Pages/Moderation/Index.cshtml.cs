using System.Globalization;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Moderation;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public EntryStatus Status { get; set; } = EntryStatus.Submitted;
    [BindProperty(SupportsGet = true)] public EntryKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public EntryOrigin? Origin { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public List<int> Selected { get; set; } = [];

    public TriageQueue Queue { get; private set; } = null!;
    public EntryFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        try
        {
            var moved = await mediator.Send(new TakeUnderReview(Selected), ct);
            StatusMessage = L.Plural("Moderation.TakenUnderReview", moved);
            return RedirectToPage(RouteFor(1));
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, "");
            await LoadAsync(ct);
            return InvalidForm();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Queue = await mediator.Send(new GetTriageQueue(Status, Kind, Unit, Theme, Origin, PageNumber), ct);
    }

    public Dictionary<string, string> RouteFor(int page, EntryStatus? status = null)
    {
        var values = new Dictionary<string, string>();
        var s = status ?? Status;
        if (s != EntryStatus.Submitted) values["status"] = s.ToString();
        if (Kind is { } kind) values["kind"] = kind.ToString();
        if (Unit is { } unit) values["unit"] = unit.ToString(CultureInfo.InvariantCulture);
        if (Theme is { } theme) values["theme"] = theme.ToString(CultureInfo.InvariantCulture);
        if (Origin is { } origin) values["origin"] = origin.ToString();
        if (page != 1) values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
