using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Account;

/// <summary>Why signing in through the organisation did not work, in words, with what to do next. Nothing was created.</summary>
[AllowAnonymous]
public sealed class ExternalErrorModel(IOptions<AccountOptions> accounts) : AppPageModel
{
    public ExternalFailure Reason { get; private set; }
    public bool LocalSignIn => accounts.Value.LocalSignIn;

    public void OnGet(ExternalFailure reason)
    {
        Reason = Enum.IsDefined(reason) ? reason : ExternalFailure.Provider;
        Response.StatusCode = Reason == ExternalFailure.Disabled ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
    }
}
