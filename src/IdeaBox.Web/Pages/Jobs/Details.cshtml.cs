using IdeaBox.Web.Features.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Jobs;

/// <summary>
/// A background job's progress, for the person who started it: a progress bar that a script refreshes every
/// second, or the "Actualiser" button without JavaScript; then what came out, and the file of an export.
/// </summary>
[RateLimited(RateLimitPolicy.Export, "GET", "Download")]
public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public JobView Job { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Job = await mediator.Send(new GetJob(Id), ct);

    /// <summary>The progress as JSON, for the page's script.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        Job = await mediator.Send(new GetJob(Id), ct);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = Job.State.ToString(), step = StepText, done = Job.Done, total = Job.Total, count = CountText, finished = Job.IsFinished });
    }

    /// <summary>The export's file; written to the security log like every download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var file = await mediator.Send(new GetJobFile(Id), ct);
        await RecordDownloadAsync(file.FileName);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public string Title => L["Job.Kind." + Job.Kind];

    /// <summary>What it is doing now, or how it ended.</summary>
    public string StepText => Job.State switch
    {
        JobState.Queued => L["Job.State.Queued"],
        JobState.Running => Job.Step is { } step ? L[step] : L["Job.State.Running"],
        JobState.Succeeded => L["Job.State.Succeeded"],
        _ => L["Job.State.Failed"],
    };

    /// <summary>"120 sur 1 000" once the total is known.</summary>
    public string CountText => Job.Total > 0 ? L["Job.Count", Display.Number(Job.Done), Display.Number(Job.Total)] : "";

    /// <summary>What came out, in a sentence.</summary>
    public string? Outcome => Job.Result switch
    {
        null => null,
        { Error: { } error } => L[error],
        _ when Job.Kind == JobKind.ImportEntries => L.Plural("Import.Done", Job.Result.Imported),
        _ when Job.Kind == JobKind.ImportUsers => L["Admin.ImportDone", L.Plural("Admin.Accounts", Job.Result.Imported), L.Plural("Admin.Invitations", Job.Result.Invited)],
        _ => L.Plural("Job.Exported", Job.Result.Rows),
    };

    /// <summary>Where to go next: what was imported, or back to where the work started.</summary>
    public (string Page, string Label) Next => Job.Kind switch
    {
        JobKind.ImportEntries when Job.State == JobState.Succeeded => ("/Moderation/Index", L["Job.Next.Triage"]),
        JobKind.ImportEntries => ("/Moderation/Import", L["Job.Next.ImportEntries"]),
        JobKind.ImportUsers when Job.State == JobState.Succeeded => ("/Admin/Users/Index", L["Job.Next.Users"]),
        JobKind.ImportUsers => ("/Admin/Users/Import", L["Job.Next.ImportUsers"]),
        _ => ("/Entries/Index", L["Job.Next.Entries"]),
    };
}
