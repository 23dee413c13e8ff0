using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// The "Security" section of the configuration: how IdeaBox stands behind the reverse proxy that
/// ends TLS, and how its cookies travel.
/// </summary>
public sealed class WebSecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Cookies are sent over HTTPS only (<c>Secure</c>) and the session and antiforgery cookies carry
    /// the <c>__Host-</c> prefix. On by default; off only for a trial over plain HTTP (Development does).
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Addresses of the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed; nobody else's are.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How long browsers remember to use HTTPS only (HSTS), outside Development.</summary>
    [Range(0, 730)]
    public int HstsDays { get; set; } = 365;

    /// <summary>"__Host-" when cookies are HTTPS only: the browser then refuses them from a subdomain or over HTTP.</summary>
    public string CookiePrefix => RequireHttps ? "__Host-" : "";
}

public static class WebSecurity
{
    /// <summary>The session cookie's name without its prefix.</summary>
    public const string AuthCookie = "IdeaBox.Auth";

    /// <summary>The antiforgery cookie's name without its prefix.</summary>
    public const string AntiforgeryCookie = "IdeaBox.Antiforgery";

    /// <summary>Forwarded headers from the configured proxies only; every cookie Secure (when HTTPS is required), HttpOnly and SameSite=Lax; HSTS.</summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(WebSecurityOptions.Section).Get<WebSecurityOptions>() ?? new WebSecurityOptions();
        services.AddSettings<WebSecurityOptions>(configuration.GetSection(WebSecurityOptions.Section));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The Host header is never taken from a proxy: links that leave the app are built from Email:BaseUrl.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        var secure = settings.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // Antiforgery would throw on a request that reached the app over plain HTTP (a proxy not yet
        // listed): the cookie policy above marks its cookie Secure all the same.
        services.Configure<AntiforgeryOptions>(o => o.Cookie.Name = settings.CookiePrefix + AntiforgeryCookie);
        // Identity's short-lived cookies (second step of a sign-in, the organisation's answer) travel the same way.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o => o.Cookie.SecurePolicy = secure);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(settings.HstsDays);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>
    /// The first middleware: the client's address and scheme from a known proxy; then, outside
    /// Development, HSTS; cookies' flags; and no copy of a signed-in person's page or download in any cache.
    /// </summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>After authentication: a signed-in person's pages and downloads are never stored by a browser or a proxy (static assets keep their own caching).</summary>
    public static IApplicationBuilder UseNoStoreForSignedInUsers(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
