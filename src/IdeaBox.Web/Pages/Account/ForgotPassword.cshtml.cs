using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// A forgotten password: a link to choose a new one goes to the address, if it has an account that
/// signs in with a password. The answer is the same whether it has one or not.
/// </summary>
[RateLimited(RateLimitPolicy.SignIn, "POST")]
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMailer mailer, SecurityLog log, IOptions<AccountOptions> options)
    : AppPageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public IActionResult OnGet(bool sent = false)
    {
        if (!options.Value.LocalSignIn) return NotFound();
        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!options.Value.LocalSignIn) return NotFound();
        var error = AccountRules.ValidateEmail(nameof(Email), Email).FirstOrDefault();
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), L[error.MessageKey, error.Arguments]);
            return InvalidForm();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        // Someone who signs in only through the organisation gets no password from here.
        if (user is { CanSignIn: true } && (await users.HasPasswordAsync(user) || (await users.GetLoginsAsync(user)).Count == 0))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = mailer.Link(Invitations.SetPasswordPath(user.Id, token, SetPasswordPurpose.Reset));
            await mailer.SendPasswordResetAsync(user, link, options.Value.PasswordResetHours, ct);
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, user.Id, user.Email, ct: ct);
        }
        else
        {
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, user?.Id, Email.Trim(), detail: "no e-mail sent", ct: ct);
        }
        return RedirectToPage(new { sent = true });
    }
}
