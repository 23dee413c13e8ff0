using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

/// <summary>Whose portal this is: the organisation's name, colour, footer links and logo.</summary>
public sealed class BrandingModel(IMediator mediator) : AppPageModel
{
    public sealed class DetailsInput
    {
        public string? OrganisationName { get; set; }
        public string? PrimaryColour { get; set; }
        public string? FooterLinks { get; set; }
    }

    [BindProperty] public DetailsInput Details { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }

    public BrandingView Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetBrandingForEdit(), ct);
        Details = new DetailsInput { OrganisationName = Current.OrganisationName, PrimaryColour = Current.PrimaryColour, FooterLinks = Current.FooterLinksText };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveBranding(Details.OrganisationName, Details.PrimaryColour, Details.FooterLinks), ct);
            StatusMessage = L["Branding.Saved"];
            return RedirectToPage();
        }, LoadAsync(ct), prefix: nameof(Details));

    public Task<IActionResult> OnPostLogoAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            byte[] content = [];
            if (Logo is { Length: > 0 and <= Branding.LogoMaxBytes })
            {
                using var buffer = new MemoryStream();
                await Logo.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }
            else if (Logo is { Length: > Branding.LogoMaxBytes })
            {
                throw new ValidationFailedException("Logo", "Branding.LogoTooLarge", Branding.LogoMaxBytes / 1024);
            }
            await mediator.Send(new UploadLogo(content), ct);
            StatusMessage = L["Branding.LogoSaved"];
            return RedirectToPage();
        }, LoadAsync(ct), keyOf: _ => nameof(Logo));

    public async Task<IActionResult> OnPostRemoveLogoAsync(CancellationToken ct)
    {
        await mediator.Send(new RemoveLogo(), ct);
        StatusMessage = L["Branding.LogoRemoved"];
        return RedirectToPage();
    }

    private Func<Task> LoadAsync(CancellationToken ct) => async () => Current = await mediator.Send(new GetBrandingForEdit(), ct);
}
