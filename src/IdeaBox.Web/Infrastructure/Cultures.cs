using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace IdeaBox.Web.Infrastructure;

/// <summary>The interface's languages: French (Belgium) first, English second. Everything that needs the list reads it here.</summary>
public static class Cultures
{
    public const string Default = "fr-BE";

    public static readonly IReadOnlyList<string> Supported = [Default, "en-GB"];

    public static bool IsSupported([NotNullWhen(true)] string? culture) => culture is not null && Supported.Contains(culture);

    /// <summary>The languages a user can switch to from the current one, with their own name ("English", "Français").</summary>
    public static IEnumerable<(string Culture, string Language, string NativeName)> Others() =>
        Supported.Where(c => c != CultureInfo.CurrentUICulture.Name).Select(c =>
        {
            var info = CultureInfo.GetCultureInfo(c);
            return (c, info.TwoLetterISOLanguageName, CultureInfo.CurrentCulture.TextInfo.ToTitleCase(info.Parent.NativeName));
        });

    /// <summary>The request localisation: the default unless the user chose otherwise (the browser's language is not asked).</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        CultureInfo[] cultures = [.. Supported.Select(c => new CultureInfo(c))];
        options.DefaultRequestCulture = new RequestCulture(Default);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }

    /// <summary>The cookie the request localisation reads, kept a year.</summary>
    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>Runs <paramref name="render"/> in <paramref name="culture"/> (an e-mail in its reader's language), then restores the request's.</summary>
    public static T Run<T>(string culture, Func<T> render)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(IsSupported(culture) ? culture : Default);
        try { return render(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }
}
