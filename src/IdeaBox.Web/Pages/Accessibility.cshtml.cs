using Microsoft.AspNetCore.Authorization;

namespace IdeaBox.Web.Pages;

[AllowAnonymous]
public sealed class AccessibilityModel(IConfiguration configuration) : AppPageModel
{
    /// <summary>Where users report accessibility problems: each administration sets its own address.</summary>
    public string Contact { get; } = configuration["Organisation:AccessibilityContact"] ?? "";

    public void OnGet()
    {
    }
}
