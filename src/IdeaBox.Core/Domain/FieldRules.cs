namespace IdeaBox.Domain;

/// <summary>The checks every form's text fields share, each naming its field.</summary>
public static class FieldRules
{
    /// <summary>A text that must be written and fit in <paramref name="maxLength"/> characters (measured as it will be stored).</summary>
    public static IEnumerable<FieldError> Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) yield return new(field, "Validation.Required");
        else if (value.Length > maxLength) yield return new(field, "Validation.MaxLength", maxLength);
    }

    /// <summary>A text that may be left empty but must fit in <paramref name="maxLength"/> characters.</summary>
    public static IEnumerable<FieldError> Optional(string field, string? value, int maxLength)
    {
        if (value is { Length: > 0 } && value.Length > maxLength) yield return new(field, "Validation.MaxLength", maxLength);
    }
}
