using IdeaBox.Web.Features.Plan;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public PlanTree Plan { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken ct) => Plan = await mediator.Send(new GetPlan(), ct);

    public async Task<IActionResult> OnPostMoveAsync(int id, MoveDirection direction, CancellationToken ct)
    {
        await mediator.Send(new MovePlanNode(id, direction), ct);
        StatusMessage = L["Plan.Moved"];
        return Redirect(Url.Page("/Plan/Index") + $"#node-{id}");
    }
}
