using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Counts in words, by the plural rule of the user's language.</summary>
public static class PluralExtensions
{
    /// <summary>
    /// "0 vote", "1 vote", "2 votes" in French; "0 votes", "1 vote" in English: the resource has a
    /// ".One" and an ".Other" form, and the culture's rule picks one.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, string key, int count)
    {
        var french = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
        var one = french ? count is 0 or 1 : count == 1;
        return localizer[key + (one ? ".One" : ".Other"), Display.Number(count)];
    }
}
