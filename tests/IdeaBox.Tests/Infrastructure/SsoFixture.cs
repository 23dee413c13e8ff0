using IdeaBox.OidcProvider;
using Microsoft.AspNetCore.Hosting;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The app signing people in through a genuine OpenID Connect provider started on loopback: the
/// unit comes from the "unit" claim (by code), roles from "groups" (two groups mapped).
/// </summary>
public sealed class SsoFixture : AppFixture
{
    public const string ModeratorsGroup = "grp-ideabox-moderators";
    public const string DirectionGroup = "grp-direction";

    public TestOidcProvider Provider { get; private set; } = null!;

    /// <summary>
    /// The real time: the browser's cookie jar drops the correlation cookies whose expiry the app
    /// computed from a clock days behind, and the provider's tokens carry real instants.
    /// </summary>
    protected override DateTimeOffset ClockStart { get; } = DateTimeOffset.UtcNow;

    public override async ValueTask InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        // The test server answers as https://localhost.
        await Provider.RegisterClientAsync(AppClient.BaseAddress);
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Authentication:Oidc:Authority", Provider.Issuer.ToString());
        builder.UseSetting("Authentication:Oidc:ClientId", TestOidcProvider.ClientId);
        builder.UseSetting("Authentication:Oidc:ClientSecret", TestOidcProvider.ClientSecret);
        builder.UseSetting("Authentication:Oidc:DisplayName", "l’annuaire du ministère");
        builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Authentication:Oidc:UnitClaim", TestOidcProvider.UnitClaim);
        builder.UseSetting("Authentication:Oidc:RoleClaim", TestOidcProvider.GroupsClaim);
        builder.UseSetting($"Authentication:Oidc:RoleMap:{ModeratorsGroup}", Roles.Moderator);
        builder.UseSetting($"Authentication:Oidc:RoleMap:{DirectionGroup}", Roles.Leadership);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class Sso : ICollectionFixture<SsoFixture>
{
    public const string Name = "Sso";
}
