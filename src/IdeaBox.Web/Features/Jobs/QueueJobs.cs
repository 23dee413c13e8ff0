using System.Globalization;
using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Jobs;

/// <summary>Records the entries of a previewed CSV in the background; the page checked the file first.</summary>
[Requires(Permissions.Moderate)]
public sealed record QueueEntryImport(string Csv) : ICommand<Guid>;

/// <summary>Creates the accounts of a previewed HR file in the background, and sends the invitations when asked.</summary>
[Requires(Permissions.Administer)]
public sealed record QueueUserImport(string Csv, bool SendInvitations) : ICommand<Guid>;

/// <summary>Writes a large export of the entries list in the background, in the culture of the person who asked.</summary>
[Requires(Permissions.Export)]
public sealed record QueueEntryExport(ListEntries Filters, ExportFormat Format) : ICommand<Guid>;

public sealed class QueueEntryImportHandler(JobQueue queue) : ICommandHandler<QueueEntryImport, Guid>
{
    public async ValueTask<Guid> Handle(QueueEntryImport command, CancellationToken ct) =>
        await queue.AddAsync(JobKind.ImportEntries, new EntryImportInput(command.Csv), ct);
}

public sealed class QueueUserImportHandler(JobQueue queue) : ICommandHandler<QueueUserImport, Guid>
{
    public async ValueTask<Guid> Handle(QueueUserImport command, CancellationToken ct) =>
        await queue.AddAsync(JobKind.ImportUsers, new UserImportInput(command.Csv, command.SendInvitations), ct);
}

public sealed class QueueEntryExportHandler(JobQueue queue) : ICommandHandler<QueueEntryExport, Guid>
{
    public async ValueTask<Guid> Handle(QueueEntryExport command, CancellationToken ct) =>
        await queue.AddAsync(JobKind.ExportEntries, new EntryExportInput(command.Filters, command.Format, CultureInfo.CurrentUICulture.Name), ct);
}
