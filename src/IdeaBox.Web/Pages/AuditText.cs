using IdeaBox.Domain;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Pages;

/// <summary>Audit values are stored language-neutral (status and origin names); they are shown in the reader's language.</summary>
public static class AuditText
{
    public static string? Value(IStringLocalizer l, string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        if (Enum.TryParse<EntryStatus>(value, out var status) && Enum.IsDefined(status) && !char.IsDigit(value[0])) return l["Status." + status];
        if (Enum.TryParse<EntryOrigin>(value, out var origin) && Enum.IsDefined(origin) && !char.IsDigit(value[0])) return l["Origin." + origin];
        // "Merged → #12 Title"
        var arrow = value.IndexOf(" → ", StringComparison.Ordinal);
        if (arrow > 0 && Enum.TryParse<EntryStatus>(value[..arrow], out var merged) && !char.IsDigit(value[0]))
            return l["Status." + merged] + value[arrow..];
        return value;
    }
}
