using IdeaBox.Domain;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Input broke a rule: the form comes back with each message next to its field (400).</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception("Validation failed: " + string.Join(", ", errors.Select(e => $"{e.Field}: {e.MessageKey}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public ValidationFailedException(FieldError error) : this([error]) { }
}

/// <summary>No such thing, or not one the current user may see (404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The thing exists but the current user may not change it (403).</summary>
public sealed class ForbiddenException(string why) : Exception(why);

/// <summary>The request conflicts with the thing's state, e.g. a vote on a closed entry (409).</summary>
public sealed class ConflictException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}
