using System.Globalization;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Dashboard;

[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public static readonly string[] Tables = ["trending", "heatmap", "funnel", "plan", "participation", "weekly"];

    [BindProperty(SupportsGet = true)] public DashboardPeriod Period { get; set; } = DashboardPeriod.Days30;
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    public DashboardData Data { get; private set; } = null!;
    public EntryFormOptions Options { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Data = await mediator.Send(new GetDashboard(Period, Unit), ct);
    }

    /// <summary>One of the dashboard's tables as CSV or Excel, for the same period and unit.</summary>
    public async Task<IActionResult> OnGetExportAsync(string table, ExportFormat format, CancellationToken ct)
    {
        if (!Tables.Contains(table)) return NotFound();
        Data = await mediator.Send(new GetDashboard(Period, Unit), ct);
        return await DownloadAsync(Export(table), format);
    }

    public TableExport Export(string table)
    {
        var stamp = $"{table}-{Period}-{Data.ComputedAt:yyyyMMdd}";
        var name = $"ideabox-{stamp}".ToLowerInvariant();
        string H(string key) => L[key];
        switch (table)
        {
            case "trending":
                return new(name, [H("Dashboard.Col.Entry"), H("Dashboard.Col.Unit"), H("Dashboard.Col.TotalVotes"),
                        .. Data.Trending.Weeks.Select(w => L["Dashboard.Col.WeekOf", w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value)],
                    Data.Trending.Items.Select(i => (IReadOnlyList<object?>)[i.Title, i.UnitName, i.VoteCount, .. i.WeeklyVotes.Cast<object?>()]));
            case "heatmap":
                return new(name, [H("Dashboard.Col.Unit"), H("Dashboard.Col.Theme"), H("Dashboard.Col.Entries"), H("Dashboard.Col.Votes")],
                    Data.HeatMap.Rows.SelectMany((row, r) => Data.HeatMap.Themes.Select((theme, c) =>
                        (IReadOnlyList<object?>)[row.Name, theme, Data.Small.Cell(Data.HeatMap.Cells[r][c].Entries), Data.Small.Cell(Data.HeatMap.Cells[r][c].Votes)])));
            case "funnel":
                var f = Data.Funnel;
                return new(name, [H("Dashboard.Col.Stage"), H("Dashboard.Col.Count")],
                [
                    [H("Dashboard.Funnel.Submitted"), f.Submitted], [H("Dashboard.Funnel.Reviewed"), f.Reviewed], [H("Dashboard.Funnel.Accepted"), f.Accepted],
                    [H("Dashboard.Funnel.InPlan"), f.InPlan], [H("Dashboard.Funnel.Done"), f.Done],
                    [H("Dashboard.Funnel.MedianHours"), f.MedianHoursToReview], [H("Dashboard.Funnel.P90Hours"), f.P90HoursToReview],
                ]);
            case "plan":
                return new(name, [H("Dashboard.Col.Code"), H("Dashboard.Col.Title"), H("Dashboard.Col.Progress"), H("Dashboard.Col.Projects")],
                    Data.Plan.Select(p => (IReadOnlyList<object?>)[p.Code, p.Title, p.Progress, p.Projects]));
            case "participation":
                return new(name, [H("Dashboard.Col.Unit"), H("Dashboard.Col.Users"), H("Dashboard.Col.Submitted"), H("Dashboard.Col.Voted"),
                        H("Dashboard.Col.Commented"), H("Dashboard.Col.TookPart"), H("Dashboard.Col.Share")],
                    Data.Participation.Rows.Select(p => (IReadOnlyList<object?>)[p.UnitName, Data.Small.Cell(p.Users), Data.Small.Cell(p.Submitted),
                        Data.Small.Cell(p.Voted), Data.Small.Cell(p.Commented), Data.Small.Cell(p.TookPart), Data.Small.ShareCell(p.TookPart, p.Users)]));
            default:
                return new(name, [H("Dashboard.Col.Week"), H("Dashboard.Col.Entries"), H("Dashboard.Col.Votes"), H("Dashboard.Col.Comments")],
                    Data.Participation.Weeks.Select(w => (IReadOnlyList<object?>)[w.Week, w.Entries, w.Votes, w.Comments]));
        }
    }

    public Dictionary<string, string> ExportRoute(string table, ExportFormat format)
    {
        var values = new Dictionary<string, string> { ["handler"] = "Export", ["table"] = table, ["format"] = format.ToString(), ["period"] = Period.ToString() };
        if (Unit is { } unit) values["unit"] = unit.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    public static string Hours(double? hours) =>
        hours is not { } h ? "—" : h < 48 ? Localization.Strings["Dashboard.Hours", h.ToString("0.#", CultureInfo.CurrentCulture)]
            : Localization.Strings["Dashboard.Days", (h / 24).ToString("0.#", CultureInfo.CurrentCulture)];

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);
}
