namespace IdeaBox.Domain;

/// <summary>No such thing, or not one the current user may see (404): another user's data answers like missing data.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
