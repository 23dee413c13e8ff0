using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Sign-in through the organisation's OpenID Connect provider, with the framework's handler: the
/// authorization code flow with PKCE, the response by redirect (so the state and nonce cookies can
/// be SameSite=Lax), claims under their own names. The external cookie only carries the result to
/// <c>/Account/External?handler=Callback</c>, which creates or updates the account.
/// </summary>
public static class OrganisationSignIn
{
    public static void AddOrganisationSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:Oidc");
        services.AddSettings<OidcOptions>(section);
        var oidc = section.Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled) return;

        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes.Append("openid").Distinct()) o.Scope.Add(scope);
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.GetClaimsFromUserInfoEndpoint = oidc.GetClaimsFromUserInfoEndpoint;
            o.MapInboundClaims = false;
            // The ID token goes into the external cookie, then into the application's (see the callback), for signing out at the provider.
            o.SaveTokens = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.SignOutScheme = IdentityConstants.ApplicationScheme;
            o.SignedOutRedirectUri = "/Account/Login";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The application cookie is gone by then: the ID token comes with the sign-out (see the Logout page).
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue("id_token_hint", out var idToken) && idToken is not null)
                {
                    context.ProtocolMessage.IdTokenHint = idToken;
                    context.Properties.Items.Remove("id_token_hint");
                }
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                var reason = Classify(context.Failure);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrganisationSignIn))
                    .LogWarning(context.Failure, "The organisation's sign-in failed ({Reason}).", reason);
                context.Response.Redirect($"/Account/ExternalError?reason={reason}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Why the provider's answer was refused, as the error page explains it.</summary>
    public static ExternalFailure Classify(Exception? failure) => failure switch
    {
        SecurityTokenInvalidIssuerException => ExternalFailure.Issuer,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ExternalFailure.Signature,
        OpenIdConnectProtocolInvalidNonceException => ExternalFailure.Replay,
        SecurityTokenException => ExternalFailure.Token,
        OpenIdConnectProtocolException { Data: var data } when data["error"] as string == "access_denied" => ExternalFailure.Denied,
        AuthenticationFailureException { Message: var message } when message.Contains("Correlation", StringComparison.OrdinalIgnoreCase)
            || message.Contains("state", StringComparison.OrdinalIgnoreCase) => ExternalFailure.Replay,
        _ when failure?.InnerException is { } inner => Classify(inner),
        _ => ExternalFailure.Provider,
    };
}

/// <summary>Why signing in through the organisation did not work; each has its message on the error page.</summary>
public enum ExternalFailure
{
    /// <summary>The provider answered with an error, or could not be reached.</summary>
    Provider,
    /// <summary>The person refused, or the provider refused them.</summary>
    Denied,
    /// <summary>The token came from another issuer than the configured one.</summary>
    Issuer,
    /// <summary>The token's signature is not the provider's.</summary>
    Signature,
    /// <summary>The token is otherwise invalid (expired, wrong audience).</summary>
    Token,
    /// <summary>The answer was already used, or does not belong to this browser's sign-in (state, nonce).</summary>
    Replay,
    /// <summary>The token has no e-mail address.</summary>
    NoEmail,
    /// <summary>The person's unit in the directory is unknown to IdeaBox.</summary>
    UnknownUnit,
    /// <summary>The account is disabled or deleted.</summary>
    Disabled,
    /// <summary>The external sign-in expired before the callback (the browser took too long, or cookies are blocked).</summary>
    Expired,
}
