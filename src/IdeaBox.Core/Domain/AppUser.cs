using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Domain;

/// <summary>A staff member. Belongs to exactly one organisational unit.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public const int DisplayNameMaxLength = 200;

    public required string DisplayName { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    /// <summary>The user said no to the weekly digest e-mail.</summary>
    public bool DigestOptOut { get; set; }
    /// <summary>The interface language the user chose ("fr-BE", "en-GB"); null: the default, French.</summary>
    public string? Culture { get; set; }
    public DateTime? CreatedAt { get; set; }
    /// <summary>Set by an administrator: the person cannot sign in, and their sessions end at their next request.</summary>
    public DateTime? DisabledAt { get; set; }
    /// <summary>Set when the account was deleted: name and e-mail erased, contributions kept as "former agent".</summary>
    public DateTime? DeletedAt { get; set; }
    /// <summary>The roles the organisation's directory gave at the last single sign-on ("Moderator,Expert"), so that the next sign-in can tell them from roles granted by hand.</summary>
    public string? DirectoryRoles { get; set; }

    public bool CanSignIn => DisabledAt is null && DeletedAt is null;

    /// <summary>
    /// Erases what identifies the person (name, e-mail, password, second factor, external logins are
    /// removed by the caller) so that nothing can sign in as them again; what they wrote stays,
    /// signed "former agent".
    /// </summary>
    public void Anonymize(DateTime now)
    {
        var placeholder = $"deleted-{Id}@deleted.invalid";
        DisplayName = "";
        Email = placeholder;
        NormalizedEmail = placeholder.ToUpperInvariant();
        UserName = placeholder;
        NormalizedUserName = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        TwoFactorEnabled = false;
        DigestOptOut = true;
        DirectoryRoles = null;
        DeletedAt = now;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }
}
