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
