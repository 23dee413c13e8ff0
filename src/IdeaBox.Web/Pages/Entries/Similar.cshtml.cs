using IdeaBox.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdeaBox.Web.Pages.Entries;

/// <summary>The similar entries as an HTML fragment, for the submit form's script.</summary>
[RateLimited(RateLimitPolicy.Similar, "GET")]
public sealed class SimilarModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }

    public IReadOnlyList<SimilarEntry> Similar { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Similar = await mediator.Send(new FindSimilarEntries(Title), ct);
}
