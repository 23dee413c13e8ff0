namespace IdeaBox.Domain;

/// <summary>
/// A rule broken by user input: the field it concerns and a resource key for the message, so
/// that the message is written in the user's language next to that field.
/// </summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);
