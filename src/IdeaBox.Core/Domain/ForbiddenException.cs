namespace IdeaBox.Domain;

/// <summary>The thing exists but the current user may not do this (403).</summary>
public sealed class ForbiddenException(string why) : Exception(why);
