using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Entries;

[RateLimited(RateLimitPolicy.Search, "GET")]
[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class IndexModel(IMediator mediator, IOptions<EmailOptions> email, IOptions<TransversalOptions> transversal,
    IOptions<JobOptions> jobs) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public EntryKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public EntryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public EntrySort? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }
    /// <summary>Only the entries supported across administrations (<see cref="TransversalOptions.MinAdministrations"/>).</summary>
    [BindProperty(SupportsGet = true)] public bool Transversal { get; set; }

    /// <summary>Only the entries submitted into this call for contributions (its tag).</summary>
    [BindProperty(SupportsGet = true)] public int? Call { get; set; }

    /// <summary>The sort in force: relevance for a search, trending otherwise, unless the user chose.</summary>
    public EntrySort EffectiveSort => Sort is { } sort && (sort != EntrySort.Relevance || HasText) ? sort
        : HasText ? EntrySort.Relevance : EntrySort.Trending;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public ListEntries Query => new(Kind, Theme, Unit, Status, EffectiveSort, PageNumber, Text: HasText ? Text!.Trim() : null, Transversal: Transversal, CallId: Call);
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int MinAdministrations => transversal.Value.MinAdministrations;

    public EntryListPage Result { get; private set; } = new([], Paging.Of(1, 0, ListEntries.PageSize));
    public EntryFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // An unreadable filter (?kind=banana) is ignored rather than failing the whole list.
        ModelState.Clear();
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Result = await mediator.Send(Query, ct);
        return Page();
    }

    /// <summary>
    /// Every entry of the filtered list as CSV or Excel: at once when it is small, otherwise written by a job
    /// whose progress page offers the file when it is ready.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportEntries(Query), ct);
        if (export.Count > jobs.Value.DirectExportRows)
        {
            try
            {
                var job = await mediator.Send(new QueueEntryExport(Query, format), ct);
                return RedirectToPage("/Jobs/Details", new { id = job });
            }
            catch (ConflictException ex)
            {
                StatusMessage = L[ex.MessageKey, ex.Arguments];
                await OnGetAsync(ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        // Links that leave the app come from the configured public address, never from the request's Host header.
        return await DownloadAsync(export.Table(L, email.Value.BaseUrl, DateTime.UtcNow), format);
    }

    /// <summary>The current filters with another page number, for the pager's links.</summary>
    public Dictionary<string, string> RouteFor(int page) => new PageRoute()
        .Add("kind", Kind).Add("theme", Theme).Add("unit", Unit).Add("status", Status).Add("q", HasText ? Text : null).Add("sort", Sort)
        .Add("transversal", Transversal ? "true" : null)
        .Add("call", Call)
        .Page(page);
}
