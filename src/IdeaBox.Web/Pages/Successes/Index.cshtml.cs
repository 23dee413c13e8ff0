using IdeaBox.Web.Features.Successes;

namespace IdeaBox.Web.Pages.Successes;

/// <summary>Every success story on show, as a page to print or paste into the intranet's news.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<SuccessStoryView> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Stories = await mediator.Send(new ListSuccessStories(), ct);
}
