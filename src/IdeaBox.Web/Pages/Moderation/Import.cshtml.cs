using IdeaBox.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Moderation;

[RateLimited(RateLimitPolicy.Import, "POST", "Preview")]
[RateLimited(RateLimitPolicy.Import, "POST", "Import")]
[RequestSizeLimit(4_000_000)]
public sealed class ImportModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Reads the file (or the pasted text) and shows every line with its errors; nothing is saved.</summary>
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
        Result = await mediator.Send(new ImportEntries(Csv, commit), ct);
        foreach (var error in Result.FileErrors)
            ModelState.AddModelError(error.Field, L[error.MessageKey, error.Arguments]);
        if (!Result.IsValid)
        {
            if (Result.FileErrors.Count == 0) ModelState.AddModelError("Lines", L["Import.LinesInvalid"]);
            return InvalidForm();
        }
        if (commit)
        {
            StatusMessage = L.Plural("Import.Done", Result.Imported);
            return RedirectToPage("/Moderation/Index");
        }
        return Page();
    }
}
