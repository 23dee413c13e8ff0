using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Expert;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<ExpertRequestView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await mediator.Send(new ListMyExpertRequests(), ct);
}
