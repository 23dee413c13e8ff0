using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public EntryKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public EntryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public EntrySort? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }

    /// <summary>The sort in force: relevance for a search, trending otherwise, unless the user chose.</summary>
    public EntrySort EffectiveSort => Sort is { } sort && (sort != EntrySort.Relevance || HasText) ? sort
        : HasText ? EntrySort.Relevance : EntrySort.Trending;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public ListEntries Query => new(Kind, Theme, Unit, Status, EffectiveSort, PageNumber, Text: HasText ? Text!.Trim() : null);
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public EntryListPage Result { get; private set; } = new([], 0, 1, ListEntries.PageSize);
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
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        return Exports.File(new TableExport($"ideabox-contributions-{DateTime.UtcNow:yyyyMMdd}",
            [L["Export.Id"], L["Entries.Filter.Kind"], L["Form.Title"], L["Entries.Filter.Status"], L["Entries.Filter.Unit"], L["Entry.Themes"],
             L["Entries.Filter.Origin"], L["Dashboard.Col.Votes"], L["Dashboard.Col.Comments"], L["Export.SubmittedOn"], L["Export.Link"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.Id, L["Kind." + r.Kind].Value, r.Title, L["Status." + r.Status].Value, r.UnitName, r.Themes,
                L["Origin." + r.Origin].Value, r.VoteCount, r.CommentCount, r.CreatedAt, $"{baseUrl}/Entries/{r.Id}"])), format);
    }

    /// <summary>The current filters with another page number, for the pager's links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (Kind is { } kind) values["kind"] = kind.ToString();
        if (Theme is { } theme) values["theme"] = theme.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Unit is { } unit) values["unit"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Status is { } status) values["status"] = status.ToString();
        if (HasText) values["q"] = Text!.Trim();
        if (Sort is { } sort) values["sort"] = sort.ToString();
        if (page != 1) values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
