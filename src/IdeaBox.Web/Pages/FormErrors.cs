using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IdeaBox.Web.Pages;

public static class FormErrors
{
    /// <summary>The first message for a field, to show next to it (null when the field is fine).</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
