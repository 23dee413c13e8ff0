namespace IdeaBox.Web.Features.Jobs;

/// <summary>
/// The exports and imports the person started that are still kept (a day, <see cref="Job.KeptFor"/>), newest
/// first: where to come back to a job after leaving its page. Nobody sees another person's jobs.
/// </summary>
[AnySignedInUser]
public sealed record ListMyJobs : IQuery<IReadOnlyList<JobSummary>>
{
    /// <summary>More than a day of work for anyone (three unfinished at most, <c>Jobs:MaxUnfinishedPerUser</c>).</summary>
    public const int Max = 50;
}

public sealed record JobSummary(Guid Id, JobKind Kind, JobState State, int Done, int Total, bool HasFile, DateTime CreatedAt);

public sealed class ListMyJobsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListMyJobs, IReadOnlyList<JobSummary>>
{
    public async ValueTask<IReadOnlyList<JobSummary>> Handle(ListMyJobs query, CancellationToken ct) =>
        await db.Jobs.AsNoTracking().Where(j => j.OwnerId == user.Id)
            .OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).Take(ListMyJobs.Max)
            .Select(j => new JobSummary(j.Id, j.Kind, j.State, j.Done, j.Total, j.State == JobState.Succeeded && j.FileName != null, j.CreatedAt))
            .ToListAsync(ct);
}
