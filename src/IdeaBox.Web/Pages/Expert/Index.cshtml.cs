using IdeaBox.Web.Features.Experts;

namespace IdeaBox.Web.Pages.Expert;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<ExpertRequestView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await mediator.Send(new ListMyExpertRequests(), ct);
}
