using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

/// <summary>Accounts from an HR file: preview every line, then create them all (or none) and send the invitations.</summary>
[RequestSizeLimit(2_000_000)]
public sealed class ImportModel(IMediator mediator) : CsvImportPageModel<UserImportResult>
{
    [BindProperty] public bool SendInvitations { get; set; } = true;

    protected override async Task<UserImportResult> PreviewAsync(CancellationToken ct) =>
        await mediator.Send(new ImportUsers(Csv, Commit: false, SendInvitations), ct);

    protected override async Task<Guid> QueueAsync(CancellationToken ct) => await mediator.Send(new QueueUserImport(Csv!, SendInvitations), ct);

    protected override IReadOnlyList<FieldError> FileErrors(UserImportResult result) => result.FileErrors;

    protected override bool IsValid(UserImportResult result) => result.IsValid;
}
