namespace IdeaBox.Web.Infrastructure;

/// <summary>Refuses a message whose input breaks a rule before its handler runs, so nothing is saved.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IValidate, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = message.Validate().ToList();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return next(message, cancellationToken);
    }
}
