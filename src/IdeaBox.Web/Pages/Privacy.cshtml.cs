using Microsoft.AspNetCore.Authorization;

namespace IdeaBox.Web.Pages;

[AllowAnonymous]
public sealed class PrivacyModel : AppPageModel
{
    public void OnGet()
    {
    }
}
