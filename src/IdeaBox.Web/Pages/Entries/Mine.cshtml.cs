using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Pages.Entries;

public sealed class MineModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<MyEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await mediator.Send(new ListMyEntries(), ct);
}
