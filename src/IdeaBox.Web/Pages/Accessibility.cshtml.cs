using Microsoft.AspNetCore.Authorization;

namespace IdeaBox.Web.Pages;

[AllowAnonymous]
public sealed class AccessibilityModel : AppPageModel
{
    public void OnGet()
    {
    }
}
