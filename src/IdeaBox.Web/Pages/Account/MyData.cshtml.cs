using System.Text.Json;
using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Account;

/// <summary>"Mes données": download everything IdeaBox holds about me, or delete my account.</summary>
[RateLimited(RateLimitPolicy.Export, "GET", "Download")]
public sealed class MyDataModel(IMediator mediator, SignInManager<AppUser> signIn) : AppPageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty] public bool Understood { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        PersonalDataFile(await mediator.Send(new ExportMyData(), ct));

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new DeleteMyAccount(Understood), ct);
            await signIn.SignOutAsync();
            StatusMessage = L["MyData.Deleted"];
            return RedirectToPage("/Account/Login");
        });

    /// <summary>The export as an indented JSON file, never cached.</summary>
    public static FileContentResult PersonalDataFile(PersonalDataExport export) =>
        new(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json")
        {
            FileDownloadName = $"ideabox-donnees-{export.Profile.Id}-{export.ExportedAt:yyyyMMdd}.json",
        };
}
