namespace IdeaBox.Domain;

/// <summary>What a background job does.</summary>
public enum JobKind
{
    ImportEntries,
    ImportUsers,
    ExportEntries,
}

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// Long work started from a page (an import's commit, a large export) and run by a node's job worker,
/// so that the person who started it sees its progress instead of a request that hangs. Only its owner
/// ever reads it. Its input, result and file stay a day (<see cref="KeptFor"/>), then the row is deleted.
/// </summary>
public sealed class Job
{
    public const int StepMaxLength = 60;
    public const int ResultMaxLength = 4000;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    /// <summary>A running job that has not reported for this long was abandoned by a stopped node.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public int OwnerId { get; set; }
    public JobState State { get; set; }
    /// <summary>The resource key of what it is doing now ("Job.Step.Invitations").</summary>
    public string? Step { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    /// <summary>What it works on, as JSON (the CSV, the filters…).</summary>
    public string Input { get; set; } = "";
    /// <summary>What came out, as JSON (counts, the error's resource key…).</summary>
    public string? Result { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    /// <summary>When it last reported progress; a running job silent for <see cref="AbandonedAfter"/> is failed.</summary>
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

    /// <summary>Percent done, or null while the total is unknown.</summary>
    public int? Percent => Total > 0 ? (int)Math.Min(100, Done * 100L / Total) : null;
}
