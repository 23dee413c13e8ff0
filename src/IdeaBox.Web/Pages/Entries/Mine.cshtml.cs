using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

public sealed class MineModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MyEntriesPage Result { get; private set; } = new([], Paging.Of(1, 0, ListMyEntries.PageSize));

    public IReadOnlyList<MyEntry> Entries => Result.Items;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await mediator.Send(new ListMyEntries(PageNumber), ct);

    public Dictionary<string, string> RouteFor(int page) => new PageRoute().Page(page);
}
