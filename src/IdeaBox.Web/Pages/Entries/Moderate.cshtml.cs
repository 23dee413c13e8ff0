using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
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
    public sealed class PromoteInput { public int? ProjectId { get; set; } public int? OperationalObjectiveId { get; set; } public string? NewProjectTitle { get; set; } }

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
    }

    public Task<IActionResult> OnPostStatusAsync(CancellationToken ct) =>
        RunAsync(nameof(StatusForm), () => mediator.Send(new ChangeStatus(Id, StatusForm.To ?? (EntryStatus)(-1), StatusForm.Reason), ct).AsTask(),
            "Moderation.StatusChanged", ct, requireTo: true);

    public async Task<IActionResult> OnPostHideAsync(CancellationToken ct) =>
        await RunAsync(nameof(HideForm), () => mediator.Send(new ChangeStatus(Id, EntryStatus.Hidden, HideForm.Reason), ct).AsTask(),
            "Moderation.Hidden", ct);

    public async Task<IActionResult> OnPostShowAsync(CancellationToken ct)
    {
        var options = await mediator.Send(new GetModerationOptions(Id), ct);
        var to = options.StatusBeforeHidden ?? EntryStatus.Submitted;
        return await RunAsync(nameof(HideForm), () => mediator.Send(new ChangeStatus(Id, to, HideForm.Reason), ct).AsTask(), "Moderation.Shown", ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        var result = await RunAsync(nameof(MergeForm), () => mediator.Send(new MergeEntry(Id, MergeForm.TargetId, MergeForm.Reason), ct).AsTask(),
            "Merge.Done", ct);
        return result is RedirectToPageResult ? RedirectToPage("/Entries/Details", new { id = MergeForm.TargetId }) : result;
    }

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) =>
        RunAsync(nameof(LinkForm), () => mediator.Send(new LinkAnswer(Id, LinkForm.DifficultyId), ct).AsTask(), "Link.Done", ct);

    public Task<IActionResult> OnPostUnlinkAsync(int difficultyId, CancellationToken ct) =>
        RunAsync(nameof(LinkForm), () => mediator.Send(new UnlinkAnswer(Id, difficultyId), ct).AsTask(), "Link.Removed", ct);

    public Task<IActionResult> OnPostThemesAsync(CancellationToken ct) =>
        RunAsync("", () => mediator.Send(new SetEntryThemes(Id, ThemeIds), ct).AsTask(), "Moderation.ThemesSaved", ct);

    public Task<IActionResult> OnPostExpertAsync(CancellationToken ct) =>
        RunAsync(nameof(ExpertForm), () => mediator.Send(new RequestExpertOpinion(Id, ExpertForm.ExpertId, ExpertForm.Question), ct).AsTask(),
            "Expert.Requested", ct);

    public Task<IActionResult> OnPostPromoteAsync(CancellationToken ct) =>
        RunAsync(nameof(PromoteForm), () => mediator.Send(new PromoteEntry(Id, PromoteForm.ProjectId, PromoteForm.OperationalObjectiveId, PromoteForm.NewProjectTitle), ct).AsTask(),
            "Promote.Done", ct);

    private async Task<IActionResult> RunAsync(string prefix, Func<Task> action, string doneKey, CancellationToken ct, bool requireTo = false)
    {
        // Another form's fields are not this form's business.
        foreach (var key in ModelState.Keys.Where(k => prefix.Length == 0 ? k != nameof(ThemeIds) : !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        try
        {
            if (requireTo && StatusForm.To is null)
                throw new ValidationFailedException(new FieldError("To", "Moderation.ChooseStatus"));
            if (!ModelState.IsValid)
            {
                await LoadAsync(ct);
                return InvalidForm();
            }
            await action();
            StatusMessage = L[doneKey];
            return RedirectToPage(new { id = Id });
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, prefix);
            await LoadAsync(ct);
            return InvalidForm();
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError(prefix.Length == 0 ? "" : prefix, L[ex.MessageKey]);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Entry = await mediator.Send(new GetEntry(Id), ct);
        Relations = await mediator.Send(new GetEntryRelations(Id), ct);
        Options = await mediator.Send(new GetModerationOptions(Id), ct);
        FormOptions = await mediator.Send(new GetEntryFormOptions(), ct);
        if (!string.IsNullOrWhiteSpace(MergeSearch)) MergeCandidates = await mediator.Send(new SearchMergeTargets(Id, MergeSearch), ct);
        if (!string.IsNullOrWhiteSpace(LinkSearch))
            DifficultyCandidates = await mediator.Send(new SearchMergeTargets(Id, LinkSearch, EntryKind.Difficulty), ct);
    }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);
}
