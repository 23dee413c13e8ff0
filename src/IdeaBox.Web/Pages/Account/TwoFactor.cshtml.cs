using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;

namespace IdeaBox.Web.Pages.Account;

/// <summary>
/// The second factor: an authenticator app (TOTP, Identity's own), set up by scanning a QR code drawn
/// here or typing the key, confirmed by a first code; ten recovery codes shown once. Staff who sign
/// in with a password cannot switch it off when the configuration requires it.
/// </summary>
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, SecurityLog log, IOptions<AccountOptions> options, TwoFactorRequirement requirement)
    : AppPageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public bool MayDisable { get; private set; }

    private UserManager<AppUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    /// <summary>The QR code of the key, as a PNG drawn on the server: no external service sees the secret.</summary>
    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        if (await LoadAsync() is not { TwoFactorEnabled: false } user) return NotFound();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("IdeaBox:" + user.Email)}?secret={await Users.GetAuthenticatorKeyAsync(user)}&issuer=IdeaBox&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return NotFound();
        if (user.TwoFactorEnabled) return Conflict("TwoFactor.AlreadyEnabled");
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0) return Invalid("Validation.Required");
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code)) return Invalid("TwoFactor.WrongCode");
        await Users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await log.RecordAsync(SecurityEventKind.TwoFactorEnabled, user.Id, user.Email, ct: ct);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        StatusMessage = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return NotFound();
        if (!user.TwoFactorEnabled) return Conflict("TwoFactor.NotEnabled");
        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await log.RecordAsync(SecurityEventKind.RecoveryCodesGenerated, user.Id, user.Email, ct: ct);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return NotFound();
        if (!user.TwoFactorEnabled) return Conflict("TwoFactor.NotEnabled");
        if (!MayDisable) return Conflict("TwoFactor.RequiredForRole");
        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await log.RecordAsync(SecurityEventKind.TwoFactorDisabled, user.Id, user.Email, ct: ct);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = L["TwoFactor.Disabled"];
        return RedirectToPage();
    }

    /// <summary>The signed-in account with a password (the second factor protects a password), or null.</summary>
    private async Task<AppUser?> LoadAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user?.PasswordHash is null) return null;
        Enabled = user.TwoFactorEnabled;
        if (!Enabled)
        {
            var key = await Users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A new key changes the security stamp: the cookie is renewed with it, or the next request would sign out.
                await Users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = await Users.GetAuthenticatorKeyAsync(user);
            }
            SharedKey = Readable(key!);
        }
        else
        {
            RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(user);
        }
        var roles = await Users.GetRolesAsync(user);
        MayDisable = !(options.Value.RequireTwoFactorForStaff && TwoFactorRequirement.StaffRoles.Any(roles.Contains));
        Required = Required && requirement.Applies(User);
        return user;
    }

    /// <summary>The page again with why the action does not fit the account's state (409).</summary>
    private IActionResult Conflict(string key)
    {
        ModelState.AddModelError("twofactor", L[key]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private IActionResult Invalid(string key)
    {
        ModelState.AddModelError(nameof(Code), L[key]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The key in groups of four, to type without losing one's place.</summary>
    private static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
