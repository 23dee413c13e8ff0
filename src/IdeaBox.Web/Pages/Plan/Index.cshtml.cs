using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan;

[RateLimited(RateLimitPolicy.Export, "GET", "Export")]
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public PlanTree Plan { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken ct) => Plan = await mediator.Send(new GetPlan(), ct);

    /// <summary>The projects with the entries they carry and their votes, one line per project and entry.</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        var plan = await mediator.Send(new GetPlanForExport(), ct);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var project in plan.All().Where(n => n.Level == PlanLevel.Project))
        {
            object?[] head = [project.Code, project.Title, L["ProjectStatus." + project.ProjectStatus].Value, project.RolledUpProgress,
                project.OwnerName is null ? null : Display.Person(project.OwnerName), project.UnitName, project.StartDate, project.DueDate, project.TotalVotes];
            if (project.Entries.Count == 0) rows.Add([.. head, null, null, null, null]);
            foreach (var entry in project.Entries)
                rows.Add([.. head, entry.Id, entry.Title, L["Kind." + entry.Kind].Value, entry.VoteCount]);
        }
        return await DownloadAsync(new TableExport($"ideabox-plan-{DateTime.UtcNow:yyyyMMdd}",
            [L["Dashboard.Col.Code"], L["Plan.Field.Title"], L["Plan.Field.Status"], L["Plan.Field.Progress"], L["Plan.Field.Owner"],
             L["Plan.Field.Unit"], L["Plan.Field.StartDate"], L["Plan.Field.DueDate"], L["Export.ProjectVotes"],
             L["Export.Id"], L["Dashboard.Col.Entry"], L["Entries.Filter.Kind"], L["Dashboard.Col.Votes"]], rows), format);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, MoveDirection direction, CancellationToken ct)
    {
        await mediator.Send(new MovePlanNode(id, direction), ct);
        StatusMessage = L["Plan.Moved"];
        return Redirect(Url.Page("/Plan/Index") + $"#node-{id}");
    }
}
