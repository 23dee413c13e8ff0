using IdeaBox.Web.Features.Calls;

namespace IdeaBox.Web.Pages.Calls;

/// <summary>The calls for contributions: open ones first, then (for moderators) those to come, then closed ones and their summaries.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<CallListItem> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await mediator.Send(new ListCalls(), ct);
}
