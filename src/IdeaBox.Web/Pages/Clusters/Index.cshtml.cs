using IdeaBox.Web.Features.Clusters;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Clusters;

/// <summary>Every cluster of related entries; moderators name new ones here.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public sealed class NewClusterInput
    {
        public string? Name { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty] public NewClusterInput NewCluster { get; set; } = new();

    public IReadOnlyList<ClusterSummary> Clusters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Clusters = await mediator.Send(new ListClusters(), ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            var id = await mediator.Send(new CreateCluster(NewCluster.Name, NewCluster.Summary), ct);
            StatusMessage = L["Cluster.Created"];
            return RedirectToPage("/Clusters/Details", new { id });
        }, async () => Clusters = await mediator.Send(new ListClusters(), ct), prefix: nameof(NewCluster));
}
