namespace IdeaBox.Domain;

/// <summary>Input broke a rule: the form comes back with each message next to its field (400), and nothing is saved.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception("Validation failed: " + string.Join(", ", errors.Select(e => $"{e.Field}: {e.MessageKey}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public ValidationFailedException(FieldError error) : this([error]) { }

    public ValidationFailedException(string field, string messageKey, params object[] arguments)
        : this(new FieldError(field, messageKey, arguments)) { }
}
