using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
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

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            var moved = await mediator.Send(new TakeUnderReview(Selected), ct);
            StatusMessage = L.Plural("Moderation.TakenUnderReview", moved);
            return RedirectToPage(RouteFor(1));
        }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Queue = await mediator.Send(new GetTriageQueue(Status, Kind, Unit, Theme, Origin, PageNumber), ct);
    }

    /// <summary>The current filters, in another state (a tab) or on another page.</summary>
    public Dictionary<string, string> RouteFor(int page) => RouteFor(page, null);

    public Dictionary<string, string> RouteFor(int page, EntryStatus? status) => new PageRoute()
        .Add("status", (status ?? Status) == EntryStatus.Submitted ? null : status ?? Status)
        .Add("kind", Kind).Add("unit", Unit).Add("theme", Theme).Add("origin", Origin)
        .Page(page);
}
