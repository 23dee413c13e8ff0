using IdeaBox.Web.Features.Clusters;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Clusters;

/// <summary>
/// A cluster: its entries and their combined support for everyone; for moderators, the forms that rename it,
/// find and add entries (similar titles suggested), take one out, put the whole cluster into the plan, dissolve it.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    public sealed class RenameInput
    {
        public string? Name { get; set; }
        public string? Summary { get; set; }
    }

    [FromRoute] public int Id { get; set; }

    /// <summary>Words to look for entries to add.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    [BindProperty] public RenameInput RenameForm { get; set; } = new();
    [BindProperty] public PromoteInput PromoteForm { get; set; } = new();
    [BindProperty] public int? EntryId { get; set; }

    public ClusterView Cluster { get; private set; } = null!;
    public IReadOnlyList<SimilarEntry> Candidates { get; private set; } = [];
    public PlanTargets Targets { get; private set; } = new([], []);
    public bool Moderates => User.Has(Permissions.Moderate);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        RenameForm = new RenameInput { Name = Cluster.Name, Summary = Cluster.Summary };
    }

    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) =>
        RunAsync(nameof(RenameForm), () => mediator.Send(new RenameCluster(Id, RenameForm.Name, RenameForm.Summary), ct).AsTask(), "Cluster.Renamed", ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(nameof(EntryId), () => mediator.Send(new AddToCluster(Id, EntryId), ct).AsTask(), "Cluster.Added", ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(nameof(EntryId), () => mediator.Send(new RemoveFromCluster(Id, EntryId ?? 0), ct).AsTask(), "Cluster.Removed", ct);

    public async Task<IActionResult> OnPostPromoteAsync(CancellationToken ct)
    {
        ClusterPromotion? done = null;
        var result = await RunAsync(nameof(PromoteForm), async () =>
            done = await mediator.Send(new PromoteCluster(Id, PromoteForm.ProjectId, PromoteForm.OperationalObjectiveId, PromoteForm.NewProjectTitle), ct),
            "Cluster.Promoted", ct);
        if (done is not null) StatusMessage = L.Plural("Cluster.PromotedCount", done.Linked);
        return result;
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        await mediator.Send(new DeleteCluster(Id), ct);
        StatusMessage = L["Cluster.Deleted"];
        return RedirectToPage("/Clusters/Index");
    }

    /// <summary>Sends one of the page's forms; the others' fields are not its business.</summary>
    private async Task<IActionResult> RunAsync(string form, Func<Task> send, string doneKey, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => k != form && !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return InvalidForm();
        }
        return await SendFormAsync(async () =>
        {
            await send();
            StatusMessage = L[doneKey];
            return RedirectToPage(new { id = Id });
        }, () => LoadAsync(ct), prefix: form, keyOf: field => form == nameof(EntryId) ? nameof(EntryId) : field.Length == 0 ? form : $"{form}.{field}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cluster = await mediator.Send(new GetCluster(Id), ct);
        if (!Moderates) return;
        Candidates = await mediator.Send(new FindClusterCandidates(Id, Search), ct);
        Targets = await PlanTargetsAsync(ct);
    }

    private Task<PlanTargets> PlanTargetsAsync(CancellationToken ct) => mediator.Send(new GetPlanTargets(), ct).AsTask();
}
