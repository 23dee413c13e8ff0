namespace IdeaBox.Web.Infrastructure.Authorization;

/// <summary>
/// Enforces the rule each message declares (<see cref="RequiresAttribute"/>, <see cref="AnySignedInUserAttribute"/>)
/// before anything else runs: handlers never check roles by hand.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // Read once per message type; a message without a declared rule fails its first use, and a test lists them all.
    private static readonly MessageRule Rule = MessageRule.Of(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn) throw new ForbiddenException($"{typeof(TMessage).Name} needs a signed-in user.");
        if (Rule.Permission is { } permission && !user.Has(permission))
            throw new ForbiddenException($"{typeof(TMessage).Name} needs the permission {permission}.");
        return next(message, cancellationToken);
    }
}
