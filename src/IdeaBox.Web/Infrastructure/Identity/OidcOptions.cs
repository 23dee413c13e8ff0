namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// The "Authentication:Oidc" section: the organisation's OpenID Connect provider (Entra ID, AD FS,
/// Keycloak…). Sign-in through it is on when <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class OidcOptions
{
    public const string Scheme = "oidc";

    /// <summary>The provider's address, whose /.well-known/openid-configuration describes it.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>For a confidential client (recommended); empty for a public client, which PKCE protects.</summary>
    public string? ClientSecret { get; set; }
    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];
    /// <summary>The button's text ("Connexion SPW"); empty: a generic "organisation's sign-in".</summary>
    public string? DisplayName { get; set; }
    /// <summary>Only for a provider on plain HTTP in a test laboratory; never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>Ask the user-info endpoint for the claims the ID token lacks.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    /// <summary>The claim holding the e-mail address ("email"; Entra ID often "preferred_username" or "upn").</summary>
    public string EmailClaim { get; set; } = "email";
    public string NameClaim { get; set; } = "name";
    /// <summary>The claim naming the person's unit; empty: new accounts go to <see cref="DefaultUnit"/>.</summary>
    public string? UnitClaim { get; set; }
    /// <summary>How the unit claim names a unit: by its <see cref="OrgUnit.Code"/> or its name.</summary>
    public UnitMatch UnitMatch { get; set; } = UnitMatch.Code;
    /// <summary>The unit (code or name) of new accounts when no unit claim is configured; empty: the first top unit.</summary>
    public string? DefaultUnit { get; set; }
    /// <summary>The claim holding groups or roles ("groups", "roles"); empty: the directory gives no roles.</summary>
    public string? RoleClaim { get; set; }
    /// <summary>Claim value (a group's id or name) → IdeaBox role ("Moderator", "Leadership", "Expert", "Administrator").</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];
    /// <summary>
    /// When true, an account holds exactly the roles the directory gives; when false (the default), a
    /// role an administrator granted by hand is kept, and only the roles the directory gave before
    /// and no longer gives are taken away.
    /// </summary>
    public bool DirectoryIsOnlySourceOfRoles { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The provider's origin ("https://login.example"), which the pages' CSP must allow forms to be sent to (sign-out goes there).</summary>
    public string? Origin => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}

/// <summary>How a unit claim's value names a unit.</summary>
public enum UnitMatch
{
    Code,
    Name,
}
