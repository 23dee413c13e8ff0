namespace IdeaBox.Web.Infrastructure.Authorization;

/// <summary>
/// Declares that any signed-in user may send a message: what they may reach through it (their
/// own entries, entries they may see) is decided by the handler from the data, not by a role.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnySignedInUserAttribute : Attribute;
