using IdeaBox.Web.Features.Home;

namespace IdeaBox.Web.Pages;

/// <summary>The home page a ministry's intranet links to: what moves, then the reader's own news.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public HomePage Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await mediator.Send(new GetHome(), ct);
}
