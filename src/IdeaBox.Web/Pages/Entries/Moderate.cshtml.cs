using IdeaBox.Web.Features.Clusters;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Experts;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Features.Successes;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

/// <summary>Everything a moderator does to one entry: move it, hide it, merge it, link it, tag it, ask an expert, promote it.</summary>
public sealed class ModerateModel(IMediator mediator) : AppPageModel
{
    public sealed class StatusInput { public EntryStatus? To { get; set; } public string? Reason { get; set; } }
    public sealed class ReasonInput { public string? Reason { get; set; } }
    public sealed class MergeInput { public int? TargetId { get; set; } public string? Reason { get; set; } }
    public sealed class LinkInput { public int? DifficultyId { get; set; } }
    public sealed class ExpertInput { public int? ExpertId { get; set; } public string? Question { get; set; } }
    public sealed class ClusterInput { public int? ClusterId { get; set; } public string? Name { get; set; } }
    public sealed class FeatureInput { public string? WhatChanged { get; set; } public int? ContactUnitId { get; set; } }

    [FromRoute] public int Id { get; set; }
    /// <summary>Words to find a merge target.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? MergeSearch { get; set; }
    /// <summary>Words to find a difficulty this entry answers.</summary>
    [BindProperty(SupportsGet = true, Name = "d")] public string? LinkSearch { get; set; }

    [BindProperty] public StatusInput StatusForm { get; set; } = new();
    [BindProperty] public ReasonInput HideForm { get; set; } = new();
    [BindProperty] public MergeInput MergeForm { get; set; } = new();
    [BindProperty] public LinkInput LinkForm { get; set; } = new();
    [BindProperty] public List<int> ThemeIds { get; set; } = [];
    [BindProperty] public ExpertInput ExpertForm { get; set; } = new();
    [BindProperty] public PromoteInput PromoteForm { get; set; } = new();
    [BindProperty] public FeatureInput FeatureForm { get; set; } = new();
    [BindProperty] public ClusterInput ClusterForm { get; set; } = new();
    public IReadOnlyList<ClusterSummary> Clusters { get; private set; } = [];
    public SuccessStoryState Story { get; private set; } = new(false, false, null, null);

    public EntryDetails Entry { get; private set; } = null!;
    public EntryRelations Relations { get; private set; } = null!;
    public ModerationOptions Options { get; private set; } = null!;
    public EntryFormOptions FormOptions { get; private set; } = new([], []);
    public IReadOnlyList<MergeCandidate> MergeCandidates { get; private set; } = [];
    public IReadOnlyList<MergeCandidate> DifficultyCandidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        ThemeIds = [.. Options.ThemeIds];
        FeatureForm = new() { WhatChanged = Story.WhatChanged, ContactUnitId = Story.ContactUnitId };
    }

    public Task<IActionResult> OnPostStatusAsync(CancellationToken ct) =>
        StatusForm.To is { } to
            ? RunAsync(nameof(StatusForm), new ChangeStatus(Id, to, StatusForm.Reason), "Moderation.StatusChanged", ct)
            : RunAsync(nameof(StatusForm), () => throw new ValidationFailedException("To", "Moderation.ChooseStatus"), "", ct);

    public Task<IActionResult> OnPostHideAsync(CancellationToken ct) =>
        RunAsync(nameof(HideForm), new HideEntry(Id, HideForm.Reason), "Moderation.Hidden", ct);

    public Task<IActionResult> OnPostShowAsync(CancellationToken ct) =>
        RunAsync(nameof(HideForm), new ShowEntryAgain(Id, HideForm.Reason), "Moderation.Shown", ct);

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        var result = await RunAsync(nameof(MergeForm), new MergeEntry(Id, MergeForm.TargetId, MergeForm.Reason), "Merge.Done", ct);
        return result is RedirectToPageResult ? RedirectToPage("/Entries/Details", new { id = MergeForm.TargetId }) : result;
    }

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) =>
        RunAsync(nameof(LinkForm), new LinkAnswer(Id, LinkForm.DifficultyId), "Link.Done", ct);

    public Task<IActionResult> OnPostUnlinkAsync(int difficultyId, CancellationToken ct) =>
        RunAsync(nameof(LinkForm), new UnlinkAnswer(Id, difficultyId), "Link.Removed", ct);

    public Task<IActionResult> OnPostThemesAsync(CancellationToken ct) =>
        RunAsync("", new SetEntryThemes(Id, ThemeIds), "Moderation.ThemesSaved", ct);

    public Task<IActionResult> OnPostExpertAsync(CancellationToken ct) =>
        RunAsync(nameof(ExpertForm), new RequestExpertOpinion(Id, ExpertForm.ExpertId, ExpertForm.Question), "Expert.Requested", ct);

    public Task<IActionResult> OnPostPromoteAsync(CancellationToken ct) =>
        RunAsync(nameof(PromoteForm), new PromoteEntry(Id, PromoteForm.ProjectId, PromoteForm.OperationalObjectiveId, PromoteForm.NewProjectTitle),
            "Promote.Done", ct);

    public Task<IActionResult> OnPostFeatureAsync(CancellationToken ct) =>
        RunAsync(nameof(FeatureForm), new FeatureSuccess(Id, FeatureForm.WhatChanged, FeatureForm.ContactUnitId), "Success.Featured", ct);

    public Task<IActionResult> OnPostUnfeatureAsync(CancellationToken ct) =>
        RunAsync(nameof(FeatureForm), new UnfeatureSuccess(Id), "Success.Unfeatured", ct);

    /// <summary>Into an existing cluster, or a new one named here around this entry.</summary>
    public Task<IActionResult> OnPostClusterAsync(CancellationToken ct) =>
        RunAsync(nameof(ClusterForm), () => ClusterForm.ClusterId is { } clusterId
            ? mediator.Send(new AddToCluster(clusterId, Id), ct).AsTask()
            : mediator.Send(new CreateCluster(ClusterForm.Name, null, Id), ct).AsTask(), "Cluster.Added", ct);

    public Task<IActionResult> OnPostUnclusterAsync(CancellationToken ct) =>
        RunAsync(nameof(ClusterForm), () => ClusterForm.ClusterId is { } clusterId
            ? mediator.Send(new RemoveFromCluster(clusterId, Id), ct).AsTask()
            : throw new ConflictException("Cluster.NotMember", "EntryId"), "Cluster.Removed", ct);

    private Task<IActionResult> RunAsync<TResponse>(string form, ICommand<TResponse> command, string doneKey, CancellationToken ct) =>
        RunAsync(form, () => mediator.Send(command, ct).AsTask(), doneKey, ct);

    /// <summary>Sends one of the page's forms; the other forms' fields are not its business.</summary>
    private async Task<IActionResult> RunAsync(string form, Func<Task> send, string doneKey, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => form.Length == 0 ? k != nameof(ThemeIds) : !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
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
        }, () => LoadAsync(ct), prefix: form);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Entry = await mediator.Send(new GetEntry(Id), ct);
        Relations = await mediator.Send(new GetEntryRelations(Id), ct);
        Options = await mediator.Send(new GetModerationOptions(Id), ct);
        FormOptions = await mediator.Send(new GetEntryFormOptions(), ct);
        Story = await mediator.Send(new GetSuccessStory(Id), ct);
        Clusters = await mediator.Send(new ListClusters(), ct);
        if (!string.IsNullOrWhiteSpace(MergeSearch)) MergeCandidates = await mediator.Send(new SearchMergeTargets(Id, MergeSearch), ct);
        if (!string.IsNullOrWhiteSpace(LinkSearch))
            DifficultyCandidates = await mediator.Send(new SearchMergeTargets(Id, LinkSearch, EntryKind.Difficulty), ct);
    }
}
