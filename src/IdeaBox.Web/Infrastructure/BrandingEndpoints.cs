using System.Globalization;
using IdeaBox.Web.Features.Admin;

namespace IdeaBox.Web.Infrastructure;

/// <summary>The organisation's logo and colours, served by the app to every page (the sign-in page too).</summary>
public static class BrandingEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/branding/logo", async (HttpContext http, BrandingStore store, CancellationToken ct) =>
        {
            if (await store.LogoAsync(ct) is not { } logo) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(logo.Content, logo.Type);
        }).AllowAnonymous().WithSecurityHeadersPolicy(SecurityHeaders.Logo);

        app.MapGet("/branding.css", async (HttpContext http, BrandingStore store, CancellationToken ct) =>
        {
            var branding = await store.CurrentAsync(ct);
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(Css(branding.PrimaryColour), "text/css; charset=utf-8");
        }).AllowAnonymous();
    }

    /// <summary>
    /// The colour tokens the organisation's colour replaces: the header, and in the light theme links and primary buttons
    /// (white on it, checked for AA when saved). The dark theme keeps its light link colour and darkens the header.
    /// </summary>
    public static string Css(string? colour)
    {
        if (colour is null) return "/* No organisation colour: IdeaBox's own. */\n";
        var darker = Darken(colour, 0.25);
        return $$"""
            :root { --header-bg: {{colour}}; }
            @media not (prefers-color-scheme: dark) { :root { --brand: {{colour}}; --brand-dark: {{darker}}; } }
            @media (prefers-color-scheme: dark) { :root { --header-bg: {{darker}}; } }

            """;
    }

    private static string Darken(string colour, double by)
    {
        string Part(int offset) => ((int)(int.Parse(colour.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) * (1 - by))).ToString("x2", CultureInfo.InvariantCulture);
        return "#" + Part(0) + Part(2) + Part(4);
    }
}
