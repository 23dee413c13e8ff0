namespace IdeaBox.Web.Infrastructure.Authorization;

/// <summary>
/// Declares who may send a message: only users holding <see cref="Permission"/> (one of
/// <see cref="Permissions"/>). <see cref="AuthorizationBehavior{TMessage, TResponse}"/> refuses
/// everyone else with a 403 before the handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
