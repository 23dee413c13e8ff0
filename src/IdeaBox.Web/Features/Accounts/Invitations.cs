using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Accounts;

/// <summary>
/// Creating an account for someone and inviting them to choose its password: the administrators'
/// form, the HR import and the first administrator's command all go through here.
/// </summary>
public sealed class Invitations(IdeaBoxDb db, UserManager<AppUser> users, AccountMailer mailer, SecurityLog log,
    IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>Creates the account (no password yet) with its roles, Agent always included; the caller owns the transaction.</summary>
    public async Task<AppUser> CreateAsync(NewAccount account, int? actorId, CancellationToken ct)
    {
        var email = account.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null) throw new ConflictException("Account.DuplicateEmail", nameof(NewAccount.Email));
        if (!await db.Units.AnyAsync(u => u.Id == account.UnitId, ct)) throw new ValidationFailedException(nameof(NewAccount.UnitId), "Validation.UnknownUnit");
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = account.Name.Trim(),
            UnitId = account.UnitId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        (await users.CreateAsync(user)).ThrowIfFailed(nameof(NewAccount.Email));
        var roles = account.Roles.Append(Roles.Agent).Distinct().ToList();
        (await users.AddToRolesAsync(user, roles)).ThrowIfFailed(nameof(NewAccount.Roles));
        log.Add(SecurityEventKind.AccountCreated, user.Id, email, actorId, $"roles={string.Join(',', Roles.ByPrecedence.Where(roles.Contains))}; unit={account.UnitId}");
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The one-time link to choose a password, valid <see cref="AccountOptions.InvitationDays"/> days.</summary>
    public async Task<string> LinkAsync(AppUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return mailer.Link(SetPasswordPath(user.Id, token, SetPasswordPurpose.Invitation));
    }

    /// <summary>E-mails the link; false when e-mail is off or failed (the administrator is told).</summary>
    public async Task<bool> SendAsync(AppUser user, int? actorId, CancellationToken ct)
    {
        var sent = await mailer.SendInvitationAsync(user, await LinkAsync(user), options.Value.InvitationDays, ct);
        if (sent) await log.RecordAsync(SecurityEventKind.InvitationSent, user.Id, user.Email, actorId, ct: ct);
        return sent;
    }

    public static string SetPasswordPath(int userId, string token, SetPasswordPurpose purpose) =>
        $"/Account/SetPassword?user={userId}&purpose={purpose.ToString().ToLowerInvariant()}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
}

/// <summary>What an administrator (or an HR file) gives to create an account.</summary>
public sealed record NewAccount(string Email, string Name, int UnitId, IReadOnlyList<string> Roles);

/// <summary>Why someone chooses a password from a link: they were invited, or they forgot theirs.</summary>
public enum SetPasswordPurpose
{
    Invitation,
    Reset,
}
