using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

/// <summary>Accounts from an HR file: preview every line, then create them all (or none) and send the invitations.</summary>
[RateLimited(RateLimitPolicy.Import, "POST", "Preview")]
[RateLimited(RateLimitPolicy.Import, "POST", "Import")]
[RequestSizeLimit(2_000_000)]
public sealed class ImportModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool SendInvitations { get; set; } = true;

    public UserImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Csv = await reader.ReadToEndAsync(ct);
        }
        return await RunAsync(commit: false, ct);
    }

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => RunAsync(commit: true, ct);

    private async Task<IActionResult> RunAsync(bool commit, CancellationToken ct)
    {
        Result = await mediator.Send(new ImportUsers(Csv, commit, SendInvitations), ct);
        foreach (var error in Result.FileErrors)
            ModelState.AddModelError(error.Field, L[error.MessageKey, error.Arguments]);
        if (!Result.IsValid)
        {
            if (Result.FileErrors.Count == 0) ModelState.AddModelError("Lines", L["Import.LinesInvalid"]);
            return InvalidForm();
        }
        if (commit)
        {
            StatusMessage = L["Admin.ImportDone", L.Plural("Admin.Accounts", Result.Imported), L.Plural("Admin.Invitations", Result.Invited)];
            return RedirectToPage("/Admin/Users/Index");
        }
        return Page();
    }
}
