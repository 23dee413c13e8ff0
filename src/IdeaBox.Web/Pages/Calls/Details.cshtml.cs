using IdeaBox.Web.Features.Calls;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Calls;

/// <summary>A call: what it asks, whom, until when; its entries; once closed, its published summary (exportable).</summary>
[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }

    public CallView Call { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Call = await mediator.Send(new GetCall(Id), ct);

    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForExport(Id), ct);
        var summary = call.Summary ?? throw new NotFoundException($"Call {Id} summary");
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { L["Call.Question"].Value, call.Question, null, null },
            new object?[] { L["Call.Export.Period"].Value, Display.Day(call.OpensOn), Display.Day(call.ClosesOn), null },
        };
        rows.AddRange(summary.ByKind.Select(k => (IReadOnlyList<object?>)[L["Kind." + k.Kind].Value, k.Count, null, null]));
        rows.Add([L["Call.FigureVotes"].Value, summary.Votes, null, null]);
        rows.Add([L["Call.FigureVoters"].Value, summary.Voters, null, null]);
        rows.Add([L["Call.FigureUnits"].Value, summary.UnitsReached, null, null]);
        rows.AddRange(summary.Participation.Select(p =>
            (IReadOnlyList<object?>)[L["Call.Export.Participation", p.Unit].Value, p.Participants, p.People, Math.Round(p.Rate * 100, 1)]));
        rows.AddRange(summary.Plan.Select(p => (IReadOnlyList<object?>)[L["Call.Export.InPlan"].Value, p.EntryTitle, p.NodeTitle, null]));
        return await DownloadAsync(new TableExport($"ideabox-call-{call.Id}-summary",
            [L["Call.Export.What"], L["Call.Export.Value"], L["Call.Export.Of"], L["Call.Export.Percent"]], rows), format);
    }
}
