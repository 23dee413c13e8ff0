using System.Globalization;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Mirror;

[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public DashboardPeriod Period { get; set; } = DashboardPeriod.Months12;
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int Top { get; set; } = GetMirror.DefaultTop;

    public static readonly int[] TopChoices = [10, 20, 50];

    public Features.Plan.Mirror Mirror { get; private set; } = new([]);
    public EntryFormOptions Options { get; private set; } = new([], []);

    private GetMirror Query => new(Period, Unit, Theme, TopChoices.Contains(Top) ? Top : GetMirror.DefaultTop);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unreadable filter (?period=banana) falls back to its default rather than failing the page.
        ModelState.Clear();
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Mirror = await mediator.Send(Query, ct);
    }

    /// <summary>The mirror as CSV or Excel, for those who export (leadership, moderators, administrators).</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        var mirror = await mediator.Send(new GetMirrorForExport(Query), ct);
        return await DownloadAsync(new TableExport($"ideabox-mirror-{Period}-{DateTime.UtcNow:yyyyMMdd}".ToLowerInvariant(),
            [L["Mirror.Col.Rank"], L["Export.Id"], L["Dashboard.Col.Entry"], L["Dashboard.Col.Unit"], L["Dashboard.Col.Votes"], L["Entries.Filter.Status"],
             L["Mirror.Col.Answered"], L["Mirror.Col.PlanItems"], L["Entry.AnsweredBy"]],
            mirror.Rows.Select(IReadOnlyList<object?> (r) => [r.Rank, r.Difficulty.Id, r.Difficulty.Title, r.UnitName, r.Difficulty.VoteCount,
                L["Status." + r.Difficulty.Status].Value, L[r.IsAnswered ? "Mirror.Yes" : "Mirror.No"].Value,
                string.Join(" | ", r.Links.Select(l => $"{l.Node.Code} {l.Node.Title}")), string.Join(" | ", r.Answers.Select(a => a.Title))])), format);
    }

    public Dictionary<string, string> Route(ExportFormat? format = null)
    {
        var values = new Dictionary<string, string> { ["period"] = Period.ToString(), ["top"] = Query.Top.ToString(CultureInfo.InvariantCulture) };
        if (Unit is { } unit) values["unit"] = unit.ToString(CultureInfo.InvariantCulture);
        if (Theme is { } theme) values["theme"] = theme.ToString(CultureInfo.InvariantCulture);
        if (format is { } f)
        {
            values["handler"] = "Export";
            values["format"] = f.ToString();
        }
        return values;
    }
}
