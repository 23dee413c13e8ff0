using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Entries;

[RateLimited(RateLimitPolicy.Search, "GET")]
[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class IndexModel(IMediator mediator, IOptions<EmailOptions> email, IOptions<TransversalOptions> transversal) : AppPageModel
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

    /// <summary>Every entry of the filtered list as CSV or Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportEntries(Query), ct);
        // Links that leave the app come from the configured public address, never from the request's Host header.
        var baseUrl = email.Value.BaseUrl.TrimEnd('/');
        return await DownloadAsync(new TableExport($"ideabox-contributions-{DateTime.UtcNow:yyyyMMdd}",
            [L["Export.Id"], L["Entries.Filter.Kind"], L["Form.Title"], L["Entries.Filter.Status"], L["Entries.Filter.Unit"], L["Entry.Themes"],
             L["Entries.Filter.Origin"], L["Dashboard.Col.Votes"], L["Dashboard.Col.Comments"], L["Export.SubmittedOn"], L["Export.Link"]],
            rows.Select(IReadOnlyList<object?> (r) => [r.Id, L["Kind." + r.Kind].Value, r.Title, L["Status." + r.Status].Value, r.UnitName, r.Themes,
                L["Origin." + r.Origin].Value, r.VoteCount, r.CommentCount, r.CreatedAt, $"{baseUrl}/Entries/{r.Id}"])), format);
    }

    /// <summary>The current filters with another page number, for the pager's links.</summary>
    public Dictionary<string, string> RouteFor(int page) => new PageRoute()
        .Add("kind", Kind).Add("theme", Theme).Add("unit", Unit).Add("status", Status).Add("q", HasText ? Text : null).Add("sort", Sort)
        .Add("transversal", Transversal ? "true" : null)
        .Add("call", Call)
        .Page(page);
}
