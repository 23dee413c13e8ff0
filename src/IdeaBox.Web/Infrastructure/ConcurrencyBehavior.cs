namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// A change whose expected state no longer holds when it is saved (an entry's status is the concurrency
/// token) lost a race: the user gets a 409 saying that someone changed it meanwhile, and nothing is saved.
/// </summary>
public sealed class ConcurrencyBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Conflict.ChangedMeanwhile");
        }
    }
}
