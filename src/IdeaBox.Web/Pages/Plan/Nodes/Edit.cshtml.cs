using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan.Nodes;

public sealed class EditModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public PlanNodeForm Input { get; set; } = new();

    public PlanItem Node { get; private set; } = null!;
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public PlanNodeFormView FormView => new(Input, Node.Level, Units, "Plan.Save");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = PlanNodeForm.From(Node);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Input.WeightIsValid) ModelState.AddModelError("Input.Weight", L["Plan.WeightRange"]);
        if (!ModelState.IsValid) return InvalidForm();
        return await SendFormAsync(async () =>
        {
            await mediator.Send(new UpdatePlanNode(Id, Input.ToInput()), ct);
            StatusMessage = L["Plan.Saved"];
            return Node.Level == PlanLevel.Project
                ? RedirectToPage("/Plan/Projects/Details", new { id = Id })
                : Redirect(Url.Page("/Plan/Index") + $"#node-{Id}");
        }, prefix: nameof(Input));
    }

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new DeletePlanNode(Id), ct);
            StatusMessage = L["Plan.Deleted"];
            return RedirectToPage("/Plan/Index");
        }, async () =>
        {
            await LoadAsync(ct);
            Input = PlanNodeForm.From(Node);
        });

    private async Task LoadAsync(CancellationToken ct)
    {
        Node = (await mediator.Send(new GetPlan(), ct)).Find(Id) ?? throw new NotFoundException($"Plan node {Id}");
        if (Node.Level == PlanLevel.Project) Units = (await mediator.Send(new GetEntryFormOptions(), ct)).Units;
    }
}
