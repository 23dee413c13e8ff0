using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan.Nodes;

public sealed class NewModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public PlanLevel Level { get; set; } = PlanLevel.Axis;
    [BindProperty(SupportsGet = true)] public int? Parent { get; set; }
    [BindProperty] public PlanNodeForm Input { get; set; } = new();

    public PlanItem? ParentNode { get; private set; }
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public PlanNodeFormView FormView => new(Input, Level, Units, "Plan.Create");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Input.WeightIsValid) ModelState.AddModelError("Input.Weight", L["Plan.WeightRange"]);
        if (!ModelState.IsValid) return InvalidForm();
        return await SendFormAsync(async () =>
        {
            var id = await mediator.Send(new CreatePlanNode(Level, Parent, Input.ToInput()), ct);
            StatusMessage = L["Plan.Created"];
            return Level == PlanLevel.Project ? RedirectToPage("/Plan/Projects/Details", new { id }) : Redirect(Url.Page("/Plan/Index") + $"#node-{id}");
        }, prefix: nameof(Input));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Parent is { } parent)
            ParentNode = (await mediator.Send(new GetPlan(), ct)).Find(parent) ?? throw new NotFoundException($"Plan node {parent}");
        if (Level == PlanLevel.Project) Units = (await mediator.Send(new GetEntryFormOptions(), ct)).Units;
    }
}
