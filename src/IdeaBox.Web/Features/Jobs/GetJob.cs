using System.Text.Json;

namespace IdeaBox.Web.Features.Jobs;

/// <summary>A job's progress and outcome, for the person who started it; anyone else gets a 404.</summary>
[AnySignedInUser]
public sealed record GetJob(Guid Id) : IQuery<JobView>;

public sealed record JobView(Guid Id, JobKind Kind, JobState State, string? Step, int Done, int Total, JobResult? Result, string? FileName,
    DateTime CreatedAt, DateTime? FinishedAt)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

    public int? Percent => Total > 0 ? (int)Math.Min(100, Done * 100L / Total) : null;
}

/// <summary>The file an export job wrote, for the person who started it.</summary>
[AnySignedInUser]
public sealed record GetJobFile(Guid Id) : IQuery<JobFile>;

public sealed record JobFile(string FileName, string ContentType, byte[] Content);

public sealed class GetJobHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetJob, JobView>
{
    public async ValueTask<JobView> Handle(GetJob query, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == query.Id && j.OwnerId == user.Id)
            .Select(j => new { j.Id, j.Kind, j.State, j.Step, j.Done, j.Total, j.Result, j.FileName, j.CreatedAt, j.FinishedAt })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Job");
        var result = job.Result is null ? null : JsonSerializer.Deserialize<JobResult>(job.Result, JobQueue.Json);
        return new JobView(job.Id, job.Kind, job.State, job.Step, job.Done, job.Total, result, job.FileName, job.CreatedAt, job.FinishedAt);
    }
}

public sealed class GetJobFileHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetJobFile, JobFile>
{
    public async ValueTask<JobFile> Handle(GetJobFile query, CancellationToken ct)
    {
        var file = await db.Jobs.AsNoTracking()
            .Where(j => j.Id == query.Id && j.OwnerId == user.Id && j.State == JobState.Succeeded && j.Content != null)
            .Select(j => new { j.FileName, j.ContentType, j.Content })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Job file");
        return new JobFile(file.FileName!, file.ContentType!, file.Content!);
    }
}
