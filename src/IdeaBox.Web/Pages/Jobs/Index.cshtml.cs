using IdeaBox.Web.Features.Jobs;

namespace IdeaBox.Web.Pages.Jobs;

/// <summary>The person's exports and imports of the last day: each one's state, its page, and the file of a finished export.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await mediator.Send(new ListMyJobs(), ct);

    /// <summary>Where a job stands, in words: waiting, "120 sur 1 000", done, or not done.</summary>
    public string State(JobSummary job) => job.State switch
    {
        JobState.Queued => L["Job.State.Queued"],
        JobState.Running when job.Total > 0 => L["Job.Count", Display.Number(job.Done), Display.Number(job.Total)],
        JobState.Running => L["Job.State.Running"],
        JobState.Succeeded => L["Job.State.Succeeded"],
        _ => L["Job.State.Failed"],
    };
}
