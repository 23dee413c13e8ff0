using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure;

public static class Localization
{
    /// <summary>The interface's strings; the culture is read at each lookup, so one instance serves every request.</summary>
    public static readonly IStringLocalizer Strings = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(SharedResource));

    /// <summary>Model binding's own messages ("the value 'x' is not valid") in the user's language.</summary>
    public static void UseLocalizedMessages(this DefaultModelBindingMessageProvider messages)
    {
        string Invalid() => Strings["Validation.Invalid"];
        string Required() => Strings["Validation.Required"];
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid());
        messages.SetValueIsInvalidAccessor(_ => Invalid());
        messages.SetValueMustBeANumberAccessor(_ => Invalid());
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid());
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid());
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(Invalid);
        messages.SetNonPropertyValueMustBeANumberAccessor(Invalid);
        messages.SetMissingBindRequiredValueAccessor(_ => Required());
        messages.SetMissingKeyOrValueAccessor(Required);
        messages.SetValueMustNotBeNullAccessor(_ => Required());
        messages.SetMissingRequestBodyRequiredValueAccessor(Required);
    }
}

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
