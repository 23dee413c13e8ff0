using System.Globalization;
using System.Text.Json;
using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Jobs;

/// <summary>
/// What a handler reports while it runs as a job: its step and how far it is. Outside a job (a request,
/// a slice test) it does nothing. Written through a connection of its own, so it must not be called
/// inside the handler's transaction (SQLite has one writer).
/// </summary>
public sealed class JobProgress(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private DateTime _last;
    private string? _lastStep;

    /// <summary>The job this scope runs, if any.</summary>
    public Guid? JobId { get; set; }

    public async Task ReportAsync(string step, int done, int total, CancellationToken ct)
    {
        if (JobId is not { } id) return;
        var now = clock.GetUtcNow().UtcDateTime;
        // At most twice a second, except for a new step or the last item, so that a fast loop does not write a row per line.
        if (step == _lastStep && now - _last < Interval && done < total) return;
        (_last, _lastStep) = (now, step);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdeaBoxDb>().Jobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Step, step).SetProperty(j => j.Done, done).SetProperty(j => j.Total, total)
                .SetProperty(j => j.HeartbeatAt, now), ct);
    }
}

/// <summary>
/// Claims queued jobs one at a time (a conditional update, so that two nodes never run the same job) and
/// runs each in a scope of its own, as its owner with the roles they hold now: someone who lost a role
/// since is refused like a request would be. Also fails jobs abandoned by a stopped node and deletes
/// finished jobs after a day.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EmailOptions> email, ILogger<JobRunner> logger)
{
    /// <summary>Runs queued jobs until none is left; returns how many ran.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct)
    {
        var ran = 0;
        while (await RunNextAsync(ct)) ran++;
        return ran;
    }

    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var queued = await db.Jobs.Where(j => j.State == JobState.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in queued)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Jobs.Where(j => j.Id == id && j.State == JobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now), ct);
            if (claimed == 0) continue; // another node took it
            await RunAsync(id, ct);
            return true;
        }
        return false;
    }

    /// <summary>Fails the jobs a stopped node left running, and deletes the finished ones (and their files) after <see cref="Job.KeptFor"/>.</summary>
    public async Task<(int Abandoned, int Deleted)> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var silentSince = now - Job.AbandonedAfter;
        var abandoned = await db.Jobs.Where(j => j.State == JobState.Running && j.HeartbeatAt < silentSince)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Result, Serialize(new JobResult(Error: "Job.Interrupted"))), ct);
        var expired = now - Job.KeptFor;
        var deleted = await db.Jobs.Where(j => j.FinishedAt < expired).ExecuteDeleteAsync(ct);
        return (abandoned, deleted);
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IdeaBoxDb>();
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.Kind, j.OwnerId, j.Input }).SingleAsync(ct);
        JobResult result;
        (string Name, string Type, byte[] Content)? file = null;
        try
        {
            var roles = await db.UserRoles.Where(ur => ur.UserId == job.OwnerId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
            var canAct = await db.Users.AnyAsync(u => u.Id == job.OwnerId && u.DisabledAt == null && u.DeletedAt == null, ct);
            if (!canAct) throw new ForbiddenException("The job's owner can no longer sign in.");
            services.GetRequiredService<ActingUser>().User = new ActorUser(job.OwnerId, roles);
            services.GetRequiredService<JobProgress>().JobId = id;
            var mediator = services.GetRequiredService<IMediator>();
            switch (job.Kind)
            {
                case JobKind.ImportEntries:
                {
                    var input = Deserialize<EntryImportInput>(job.Input);
                    var imported = await mediator.Send(new ImportEntries(input.Csv, Commit: true), ct);
                    result = imported.IsValid ? new JobResult(Imported: imported.Imported) : new JobResult(Error: "Job.ImportInvalid");
                    break;
                }
                case JobKind.ImportUsers:
                {
                    var input = Deserialize<UserImportInput>(job.Input);
                    var imported = await mediator.Send(new ImportUsers(input.Csv, Commit: true, input.SendInvitations), ct);
                    result = imported.IsValid ? new JobResult(Imported: imported.Imported, Invited: imported.Invited) : new JobResult(Error: "Job.ImportInvalid");
                    break;
                }
                case JobKind.ExportEntries:
                {
                    var input = Deserialize<EntryExportInput>(job.Input);
                    (result, file) = await ExportEntriesAsync(mediator, services.GetRequiredService<JobProgress>(), input, ct);
                    break;
                }
                default:
                    throw new InvalidOperationException($"No runner for {job.Kind}.");
            }
        }
        catch (ForbiddenException)
        {
            result = new JobResult(Error: "Job.Forbidden");
        }
        catch (ValidationFailedException ex)
        {
            result = new JobResult(Error: ex.Errors.FirstOrDefault()?.MessageKey ?? "Job.Error");
        }
        catch (ConflictException ex)
        {
            result = new JobResult(Error: ex.MessageKey);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is stopping: the job is told as interrupted rather than left running.
            result = new JobResult(Error: "Job.Interrupted");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} ({Kind}) failed.", id, job.Kind);
            result = new JobResult(Error: "Job.Error");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var state = result.Error is null ? JobState.Succeeded : JobState.Failed;
        await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.Result, Serialize(result))
            .SetProperty(j => j.FileName, file?.Name)
            .SetProperty(j => j.ContentType, file?.Type)
            .SetProperty(j => j.Content, file?.Content)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.HeartbeatAt, now), CancellationToken.None);
        logger.LogInformation("Job {JobId} ({Kind}) {State}.", id, job.Kind, state);
    }

    private async Task<(JobResult, (string, string, byte[])?)> ExportEntriesAsync(IMediator mediator, JobProgress progress, EntryExportInput input,
        CancellationToken ct)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(Cultures.IsSupported(input.Culture) ? input.Culture : Cultures.Default);
        var export = await mediator.Send(new ExportEntries(input.Filters), ct);
        await progress.ReportAsync("Job.Step.Rows", 0, export.Count, ct);
        var written = 0;
        async IAsyncEnumerable<EntryExportRow> Counted([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var row in export.Rows.WithCancellation(token))
            {
                yield return row;
                await progress.ReportAsync("Job.Step.Rows", ++written, export.Count, token);
            }
        }
        var table = (export with { Rows = Counted(ct) }).Table(Localization.Strings, email.Value.BaseUrl, clock.GetUtcNow().UtcDateTime);
        using var output = new MemoryStream();
        if (input.Format == ExportFormat.Xlsx) await Exports.WriteXlsxAsync(table, output, ct);
        else await Exports.WriteCsvAsync(table, output, ct);
        var (name, type) = input.Format == ExportFormat.Xlsx ? (table.FileName + ".xlsx", Exports.XlsxType) : (table.FileName + ".csv", Exports.CsvType);
        return (new JobResult(Rows: written), (name, type, output.ToArray()));
    }

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, JobQueue.Json)
        ?? throw new InvalidOperationException("The job's input is empty.");

    public static string Serialize(JobResult result) => JsonSerializer.Serialize(result, JobQueue.Json);
}

/// <summary>Runs this node's queued jobs as soon as one is queued here, and every few seconds those queued by another node.</summary>
public sealed class JobWorker(JobRunner runner, JobSignal signal, IOptions<JobOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background) return;
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (abandoned, _) = await runner.SweepAsync(stoppingToken);
                if (abandoned > 0) logger.LogWarning("{Count} jobs left running by a stopped node were marked as interrupted.", abandoned);
                await runner.RunPendingAsync(stoppingToken);
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Running jobs failed; trying again later.");
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
