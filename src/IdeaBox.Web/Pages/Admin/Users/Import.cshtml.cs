using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

/// <summary>Accounts from an HR file: preview every line, then create them all (or none) and send the invitations.</summary>
[RequestSizeLimit(2_000_000)]
public sealed class ImportModel(IMediator mediator) : CsvImportPageModel<UserImportResult>
{
    [BindProperty] public bool SendInvitations { get; set; } = true;

    protected override async Task<UserImportResult> SendAsync(bool commit, CancellationToken ct) =>
        await mediator.Send(new ImportUsers(Csv, commit, SendInvitations), ct);

    protected override IReadOnlyList<FieldError> FileErrors(UserImportResult result) => result.FileErrors;

    protected override bool IsValid(UserImportResult result) => result.IsValid;

    protected override IActionResult Imported(UserImportResult result)
    {
        StatusMessage = L["Admin.ImportDone", L.Plural("Admin.Accounts", result.Imported), L.Plural("Admin.Invitations", result.Invited)];
        return RedirectToPage("/Admin/Users/Index");
    }
}
