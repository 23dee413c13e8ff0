using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using IdeaBox.Web.Features.Entries;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";
    /// <summary>Run queued jobs in the background (off in the slice tests, which run them by calling <see cref="JobRunner"/>).</summary>
    public bool Background { get; set; } = true;
    /// <summary>How often a node looks for jobs queued by another node; its own start at once.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;
    /// <summary>An export with more rows than this is written by a job that shows its progress; smaller ones download at once.</summary>
    [Range(0, 10_000_000)]
    public int DirectExportRows { get; set; } = 5_000;
    /// <summary>How many unfinished jobs one person may have at a time.</summary>
    [Range(1, 100)]
    public int MaxUnfinishedPerUser { get; set; } = 3;
}

/// <summary>What each kind of job works on, stored as the job's <see cref="Job.Input"/>.</summary>
public sealed record EntryImportInput(string Csv);

public sealed record UserImportInput(string Csv, bool SendInvitations);

public sealed record EntryExportInput(ListEntries Filters, ExportFormat Format, string Culture);

/// <summary>What a job produced, stored as its <see cref="Job.Result"/>: counts, or the resource key of why it failed.</summary>
public sealed record JobResult(int Imported = 0, int Invited = 0, int Rows = 0, string? Error = null);

/// <summary>Wakes this node's job worker as soon as a job is queued here.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Queues a job for the signed-in person; the page then shows its progress at /Jobs/{id}.</summary>
public sealed class JobQueue(IdeaBoxDb db, ICurrentUser user, JobSignal signal, IOptions<JobOptions> options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> AddAsync<TInput>(JobKind kind, TInput input, CancellationToken ct)
    {
        var unfinished = await db.Jobs.CountAsync(j => j.OwnerId == user.Id && (j.State == JobState.Queued || j.State == JobState.Running), ct);
        if (unfinished >= options.Value.MaxUnfinishedPerUser) throw new ConflictException("Job.TooMany", "", options.Value.MaxUnfinishedPerUser);
        var job = new Job
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            OwnerId = user.Id,
            State = JobState.Queued,
            Input = JsonSerializer.Serialize(input, Json),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return job.Id;
    }
}
