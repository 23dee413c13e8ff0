using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages;

/// <summary>
/// What the import pages share: a CSV file (or pasted text) previewed line by line with its errors,
/// then imported all or nothing by a background job whose progress page the person is sent to (an HR file
/// of a thousand accounts sends a thousand invitations: no request should wait for that).
/// </summary>
[RateLimited(RateLimitPolicy.Import, "POST", "Preview")]
[RateLimited(RateLimitPolicy.Import, "POST", "Import")]
public abstract class CsvImportPageModel<TResult> : AppPageModel where TResult : class
{
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public TResult? Result { get; private set; }

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
        return await RunAsync(ct) ?? Page();
    }

    /// <summary>Checks the file again (it may have changed since the preview), then queues the import and shows its progress.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await RunAsync(ct) is { } invalid) return invalid;
        try
        {
            return RedirectToPage("/Jobs/Details", new { id = await QueueAsync(ct) });
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("Csv", L[ex.MessageKey, ex.Arguments]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    /// <summary>Sends the page's import message as a preview: every line with its errors, nothing saved.</summary>
    protected abstract Task<TResult> PreviewAsync(CancellationToken ct);

    /// <summary>Queues the import of the checked file; returns the job to follow.</summary>
    protected abstract Task<Guid> QueueAsync(CancellationToken ct);

    /// <summary>The errors of the file as a whole (encoding, size, header).</summary>
    protected abstract IReadOnlyList<FieldError> FileErrors(TResult result);

    protected abstract bool IsValid(TResult result);

    /// <summary>The preview; null when every line is valid, otherwise the page with its errors as a 400.</summary>
    private async Task<IActionResult?> RunAsync(CancellationToken ct)
    {
        var result = await PreviewAsync(ct);
        Result = result;
        foreach (var error in FileErrors(result))
            ModelState.AddModelError(error.Field, L[error.MessageKey, error.Arguments]);
        if (!IsValid(result))
        {
            if (FileErrors(result).Count == 0) ModelState.AddModelError("Lines", L["Import.LinesInvalid"]);
            return InvalidForm();
        }
        return null;
    }
}
