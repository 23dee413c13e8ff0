using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages;

/// <summary>
/// What the import pages share: a CSV file (or pasted text) previewed line by line with its errors,
/// then imported all or nothing. Each page says what it imports and where it goes when done.
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
        return await RunAsync(commit: false, ct);
    }

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => RunAsync(commit: true, ct);

    /// <summary>Sends the page's import message (a preview when <paramref name="commit"/> is false).</summary>
    protected abstract Task<TResult> SendAsync(bool commit, CancellationToken ct);

    /// <summary>The errors of the file as a whole (encoding, size, header).</summary>
    protected abstract IReadOnlyList<FieldError> FileErrors(TResult result);

    protected abstract bool IsValid(TResult result);

    /// <summary>After a committed import: the status message and the page to go to.</summary>
    protected abstract IActionResult Imported(TResult result);

    private async Task<IActionResult> RunAsync(bool commit, CancellationToken ct)
    {
        var result = await SendAsync(commit, ct);
        Result = result;
        foreach (var error in FileErrors(result))
            ModelState.AddModelError(error.Field, L[error.MessageKey, error.Arguments]);
        if (!IsValid(result))
        {
            if (FileErrors(result).Count == 0) ModelState.AddModelError("Lines", L["Import.LinesInvalid"]);
            return InvalidForm();
        }
        return commit ? Imported(result) : Page();
    }
}
