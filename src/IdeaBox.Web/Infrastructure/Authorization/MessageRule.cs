using System.Reflection;

namespace IdeaBox.Web.Infrastructure.Authorization;

/// <summary>The rule a message type declares: a permission, or any signed-in user. A message without one is a programming error.</summary>
public sealed record MessageRule(string? Permission)
{
    public static MessageRule Of(Type message)
    {
        var requires = message.GetCustomAttribute<RequiresAttribute>();
        var anyone = message.GetCustomAttribute<AnySignedInUserAttribute>();
        return (requires, anyone) switch
        {
            ({ } r, null) when Permissions.Roles.ContainsKey(r.Permission) => new MessageRule(r.Permission),
            (null, not null) => new MessageRule((string?)null),
            _ => throw new InvalidOperationException(
                $"{message.Name} must declare who may send it: [Requires(Permissions.…)] or [AnySignedInUser], not both."),
        };
    }
}
