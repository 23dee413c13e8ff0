namespace IdeaBox.Domain;

/// <summary>The request conflicts with the thing's state, e.g. a vote on a closed entry (409); the message is a resource key.</summary>
public sealed class ConflictException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}
