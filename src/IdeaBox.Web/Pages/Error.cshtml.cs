using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages;

/// <summary>The status-code pages (403, 404, 409, 500…) in the user's language; the status is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : AppPageModel
{
    private static readonly int[] Known = [400, 403, 404, 409, 429, 500];

    public string TitleKey { get; private set; } = "Error.500.Title";
    public string TextKey { get; private set; } = "Error.500.Text";

    /// <summary>
    /// For a server error, the request's trace id: the person quotes it, the operator finds the logged exception
    /// with it (the JSON console logs and the traces carry the same id).
    /// </summary>
    public string? Reference { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var known = code is { } c && Known.Contains(c) ? c : 500;
        TitleKey = $"Error.{known}.Title";
        TextKey = $"Error.{known}.Text";
        if (known >= 500) Reference = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
        // Reached directly (not re-executed after an error), the page still answers with its status.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = known;
    }
}
