using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Accounts;

/// <summary>
/// The account of someone who signs in through the organisation's provider: created at the first
/// sign-in (just in time) from the token's claims, and brought up to date at each one — name,
/// address, unit, and the roles the directory gives (see <see cref="OidcOptions.DirectoryIsOnlySourceOfRoles"/>).
/// All or nothing: a refusal creates and changes nothing.
/// </summary>
public sealed class DirectoryAccounts(IdeaBoxDb db, UserManager<AppUser> users, SecurityLog log, IOptions<OidcOptions> options, TimeProvider clock)
{
    public async Task<DirectorySignIn> SignInAsync(ExternalLoginInfo info, CancellationToken ct)
    {
        var settings = options.Value;
        var claims = info.Principal;
        var email = claims.FindFirstValue(settings.EmailClaim)?.Trim();
        if (string.IsNullOrEmpty(email) || !AccountRules.IsEmail(email) || email.Length > AccountRules.EmailMaxLength
            || claims.FindFirstValue("email_verified") == "false")
            return await RefuseAsync(ExternalFailure.NoEmail, email, ct);
        var name = NameOf(claims, settings, email);
        var (unit, unitNamed) = await UnitOfAsync(claims, settings, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await users.FindByEmailAsync(email);
        if (user is { CanSignIn: false }) return await RefuseAsync(ExternalFailure.Disabled, email, ct, user.Id);
        if (unit is null && (user is null || unitNamed)) return await RefuseAsync(ExternalFailure.UnknownUnit, email, ct, user?.Id);

        if (user is null)
        {
            user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, UnitId = unit!.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
            };
            (await users.CreateAsync(user)).ThrowIfFailed("Email");
            (await users.AddToRoleAsync(user, Roles.Agent)).ThrowIfFailed("Roles");
            log.Add(SecurityEventKind.AccountCreated, user.Id, email, detail: $"organisation sign-in; unit={unit.Id}");
        }
        else
        {
            if (unit is not null && unitNamed && user.UnitId != unit.Id)
            {
                log.Add(SecurityEventKind.UnitChanged, user.Id, email, detail: $"directory: unit {user.UnitId} → {unit.Id}");
                user.UnitId = unit.Id;
            }
            user.DisplayName = name;
            if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(email) is null)
            {
                user.Email = user.UserName = email;
                user.NormalizedEmail = user.NormalizedUserName = users.NormalizeEmail(email);
            }
            user.EmailConfirmed = true;
        }
        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider && l.ProviderKey == info.ProviderKey))
            (await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, settings.DisplayName ?? "OpenID Connect"))).ThrowIfFailed("Email");
        await ApplyRolesAsync(user, claims, settings);
        (await users.UpdateAsync(user)).ThrowIfFailed("Email");
        log.Add(SecurityEventKind.SignInSucceeded, user.Id, email, detail: "organisation");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new DirectorySignIn(user, null);
    }

    /// <summary>
    /// The roles the directory gives now replace those it gave last time; a role granted by hand
    /// stays, unless the directory is the only source of roles.
    /// </summary>
    private async Task ApplyRolesAsync(AppUser user, ClaimsPrincipal claims, OidcOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.RoleClaim)) return;
        var map = new Dictionary<string, string>(settings.RoleMap, StringComparer.OrdinalIgnoreCase);
        var given = claims.FindAll(settings.RoleClaim)
            .Select(c => map.GetValueOrDefault(c.Value.Trim()))
            .OfType<string>()
            .Where(r => Roles.ByPrecedence.Contains(r) && r != Roles.Agent)
            .ToHashSet();
        var before = (user.DirectoryRoles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var current = await users.GetRolesAsync(user);
        var wanted = (settings.DirectoryIsOnlySourceOfRoles ? given : current.Except(before.Except(given)).Union(given))
            .Append(Roles.Agent).ToHashSet();
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count > 0 || remove.Count > 0)
        {
            log.Add(SecurityEventKind.RolesChanged, user.Id, user.Email,
                detail: $"directory: {string.Join(',', Roles.ByPrecedence.Where(current.Contains))} → {string.Join(',', Roles.ByPrecedence.Where(wanted.Contains))}");
            if (add.Count > 0) (await users.AddToRolesAsync(user, add)).ThrowIfFailed("Roles");
            if (remove.Count > 0) (await users.RemoveFromRolesAsync(user, remove)).ThrowIfFailed("Roles");
            // Other sessions end; the one being signed in gets the new stamp.
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed("Roles");
        }
        user.DirectoryRoles = given.Count == 0 ? null : string.Join(',', Roles.ByPrecedence.Where(given.Contains));
    }

    /// <summary>The unit the claims name (and whether a unit claim is configured), or the default unit for new accounts.</summary>
    private async Task<(OrgUnit? Unit, bool Named)> UnitOfAsync(ClaimsPrincipal claims, OidcOptions settings, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(settings.UnitClaim))
        {
            var value = claims.FindFirstValue(settings.UnitClaim)?.Trim();
            if (string.IsNullOrEmpty(value)) return (null, true);
            var unit = settings.UnitMatch == UnitMatch.Code
                ? await db.Units.FirstOrDefaultAsync(u => u.Code == value, ct)
                : await db.Units.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.Name == value, ct);
            return (unit, true);
        }
        if (!string.IsNullOrWhiteSpace(settings.DefaultUnit))
            return (await db.Units.FirstOrDefaultAsync(u => u.Code == settings.DefaultUnit, ct)
                ?? await db.Units.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.Name == settings.DefaultUnit, ct), false);
        return (await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct), false);
    }

    private static string NameOf(ClaimsPrincipal claims, OidcOptions settings, string email)
    {
        var name = claims.FindFirstValue(settings.NameClaim)?.Trim();
        if (string.IsNullOrEmpty(name))
            name = string.Join(' ', new[] { claims.FindFirstValue("given_name"), claims.FindFirstValue("family_name") }.Where(p => !string.IsNullOrWhiteSpace(p))).Trim();
        if (string.IsNullOrEmpty(name)) name = email[..email.IndexOf('@')];
        return name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name;
    }

    /// <summary>Logs the refusal on its own (the transaction, if any, is rolled back) and says why.</summary>
    private async Task<DirectorySignIn> RefuseAsync(ExternalFailure failure, string? email, CancellationToken ct, int? userId = null)
    {
        if (db.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        await log.RecordAsync(SecurityEventKind.SignInFailed, userId, email, detail: $"organisation: {failure}", ct: ct);
        return new DirectorySignIn(null, failure);
    }
}

/// <summary>The account signed in, or why not.</summary>
public sealed record DirectorySignIn(AppUser? User, ExternalFailure? Failure);
