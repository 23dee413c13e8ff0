using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Account;

/// <summary>Changing one's password, knowing the current one. Other sessions end (the security stamp changes); this one goes on.</summary>
public sealed class ChangePasswordModel(SignInManager<AppUser> signIn, SecurityLog log, IdeaBoxDb db) : AppPageModel
{
    public sealed class ChangeInput
    {
        public string? Current { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty] public ChangeInput Input { get; set; } = new();

    public NewPasswordInput NewPassword => new() { Password = Input.Password, Confirm = Input.Confirm };

    public async Task<IActionResult> OnGetAsync() =>
        await CurrentUserAsync() is { PasswordHash: not null } ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CurrentUserAsync() is not { PasswordHash: not null } user) return NotFound();
        return await SendFormAsync(async () =>
        {
            if (string.IsNullOrEmpty(Input.Current)) throw new ValidationFailedException(nameof(Input.Current), "Validation.Required");
            NewPassword.Check();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await signIn.UserManager.ChangePasswordAsync(user, Input.Current, Input.Password!);
            result.ThrowIfFailed(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? nameof(Input.Current) : nameof(Input.Password));
            log.Add(SecurityEventKind.PasswordChanged, user.Id, user.Email);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await signIn.RefreshSignInAsync(user);
            StatusMessage = L["Password.Changed"];
            return RedirectToPage("/Settings");
        }, prefix: nameof(Input));
    }

    private Task<AppUser?> CurrentUserAsync() => signIn.UserManager.GetUserAsync(User);
}
