namespace IdeaBox.Domain;

/// <summary>
/// The request conflicts with the thing's state, e.g. a vote on a closed entry or an address already
/// taken (409); the message is a resource key (with its arguments), shown next to <see cref="Field"/> when there is one.
/// </summary>
public sealed class ConflictException(string messageKey, string field = "", params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public string Field { get; } = field;
    public object[] Arguments { get; } = arguments;
}
