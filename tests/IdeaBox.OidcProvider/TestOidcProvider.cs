using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdeaBox.OidcProvider;

/// <summary>
/// A genuine OpenID Connect provider (OpenIddict) on Kestrel, 127.0.0.1 and a free port: discovery,
/// a login page, the authorization code flow with PKCE, signed ID tokens, an end-session endpoint.
/// Its directory (<see cref="Users"/>) and its misbehaviour (<see cref="Tampering"/>) are the test's to set.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "ideabox";
    public const string ClientSecret = "ideabox-test-secret";
    public const string UnitClaim = "unit";
    public const string GroupsClaim = "groups";
    private const string Cookie = "directory";

    private readonly WebApplication _app;
    private readonly SqliteConnection _database;
    private int _endSessions;

    private TestOidcProvider(WebApplication app, SqliteConnection database, Uri issuer)
    {
        _app = app;
        _database = database;
        Issuer = issuer;
    }

    /// <summary>The provider's address, which is also its issuer ("http://127.0.0.1:port/").</summary>
    public Uri Issuer { get; }

    public ConcurrentDictionary<string, DirectoryUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Tampering Tampering { get; set; }

    /// <summary>How many times a client sent someone to the end-session endpoint.</summary>
    public int EndSessions => Volatile.Read(ref _endSessions);

    public static async Task<TestOidcProvider> StartAsync()
    {
        var database = new SqliteConnection("Data Source=:memory:");
        await database.OpenAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestOidcProvider).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite(database).UseOpenIddict());
        builder.Services.AddAuthentication(Cookie).AddCookie(Cookie, o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "directory";
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile, GroupsClaim);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        TestOidcProvider? provider = null;
        app.Use(async (context, next) =>
        {
            if (provider is not { Tampering: not Tampering.None } || context.Request.Path != "/connect/token")
            {
                await next(context);
                return;
            }
            await provider.TamperAsync(context, next);
        });
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage(returnUrl, error: false), "text/html; charset=utf-8"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!provider!.Users.TryGetValue(form["login"].ToString(), out var user) || user.Password != form["password"])
                return Results.Content(LoginPage(returnUrl, error: true), "text/html; charset=utf-8", statusCode: 401);
            await context.SignInAsync(Cookie, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Login)], Cookie)));
            return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
        });
        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var signedIn = await context.AuthenticateAsync(Cookie);
            if (!signedIn.Succeeded || !provider!.Users.TryGetValue(signedIn.Principal!.Identity!.Name!, out var user))
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString }, [Cookie]);
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Subject);
            if (user.Email is not null) identity.SetClaim(Claims.Email, user.Email);
            if (user.Name is not null) identity.SetClaim(Claims.Name, user.Name);
            if (user.Unit is not null) identity.SetClaim(UnitClaim, user.Unit);
            foreach (var group in user.Groups) identity.AddClaim(new Claim(GroupsClaim, group));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/endsession", ["GET", "POST"], async (HttpContext context) =>
        {
            Interlocked.Increment(ref provider!._endSessions);
            await context.SignOutAsync(Cookie);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        app.MapGet("/", () => Results.Content("<!doctype html><title>Directory</title><p>Signed out of the directory.</p>", "text/html"));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestOidcProvider(app, database, new Uri(address.TrimEnd('/') + "/"));
        return provider;
    }

    /// <summary>Lets a client (IdeaBox at <paramref name="applications"/>) sign people in, with its secret and PKCE.</summary>
    public async Task RegisterClientAsync(params Uri[] applications)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await manager.FindByClientIdAsync(ClientId) is { } existing) await manager.DeleteAsync(existing);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "IdeaBox",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + GroupsClaim,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var application in applications)
        {
            descriptor.RedirectUris.Add(new Uri(application, "/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(application, "/signout-callback-oidc"));
        }
        await manager.CreateAsync(descriptor);
    }

    public void Add(DirectoryUser user) => Users[user.Login] = user;

    private static string LoginPage(string? returnUrl, bool error)
    {
        var encoder = HtmlEncoder.Default;
        return $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ministry directory</title></head>
            <body><main><h1>Ministry directory</h1>
            {(error ? "<p role=\"alert\">Unknown user or wrong password.</p>" : "")}
            <form method="post" action="/login">
            <input type="hidden" name="returnUrl" value="{encoder.Encode(returnUrl ?? "/")}">
            <p><label for="login">User name</label> <input id="login" name="login" autocomplete="username"></p>
            <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
            <p><button type="submit">Sign in to the directory</button></p>
            </form></main></body></html>
            """;
    }

    /// <summary>Lets the token endpoint answer, then spoils its ID token as <see cref="Tampering"/> says.</summary>
    private async Task TamperAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        buffer.Position = 0;
        var body = await JsonNode.ParseAsync(buffer);
        if (context.Response.StatusCode == (int)HttpStatusCode.OK && body?["id_token"]?.GetValue<string>() is { } idToken)
            body["id_token"] = Spoil(idToken, context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue);
        var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}");
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes);
    }

    private string Spoil(string idToken, OpenIddictServerOptions options)
    {
        var parts = idToken.Split('.');
        if (Tampering == Tampering.BadSignature)
        {
            var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
            for (var i = 0; i < signature.Length; i++) signature[i] ^= 0x5A;
            return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
        }
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        if (Tampering == Tampering.WrongIssuer) payload["iss"] = "http://impostor.invalid/";
        if (Tampering == Tampering.WrongNonce) payload["nonce"] = "a-nonce-from-another-sign-in";
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), options.SigningCredentials[0],
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = header["typ"]?.GetValue<string>() ?? "JWT" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The provider's own store of clients, authorizations and tokens (SQLite in memory).</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
