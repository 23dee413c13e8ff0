using IdeaBox.Web.Features.Reports;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Moderation;

/// <summary>The reports waiting for a decision, most reported first; one form per reported entry or comment.</summary>
public sealed class ReportsModel(IMediator mediator) : AppPageModel
{
    public sealed class DecisionInput
    {
        public int EntryId { get; set; }
        public int? CommentId { get; set; }
        public ReportOutcome? Outcome { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public DecisionInput Decision { get; set; } = new();

    public IReadOnlyList<ReportedContent> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Queue = await mediator.Send(new GetReportQueue(), ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new ResolveReports(Decision.EntryId, Decision.CommentId, Decision.Outcome, Decision.Reason), ct);
            StatusMessage = L["Report.Resolved"];
            return RedirectToPage();
        }, async () => Queue = await mediator.Send(new GetReportQueue(), ct), prefix: nameof(Decision));

    /// <summary>The error of the one form that was posted.</summary>
    public string? ErrorFor(ReportedContent item, string field) =>
        Decision.EntryId == item.EntryId && Decision.CommentId == item.CommentId
            ? ModelState[$"{nameof(Decision)}.{field}"]?.Errors.FirstOrDefault()?.ErrorMessage
            : null;
}
