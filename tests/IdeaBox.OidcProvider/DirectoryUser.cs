namespace IdeaBox.OidcProvider;

/// <summary>A person in the test directory: how they sign in at the provider, and the claims their ID token carries.</summary>
public sealed record DirectoryUser(string Login, string Password, string Subject, string? Email, string? Name, string? Unit, IReadOnlyList<string> Groups);

/// <summary>What the provider does wrong on purpose, to check that IdeaBox refuses it.</summary>
public enum Tampering
{
    None,
    /// <summary>The ID token is re-signed with the right key but names another issuer.</summary>
    WrongIssuer,
    /// <summary>The ID token's signature is not the provider's.</summary>
    BadSignature,
    /// <summary>The ID token is re-signed with the right key but carries another nonce than the one sent.</summary>
    WrongNonce,
}
