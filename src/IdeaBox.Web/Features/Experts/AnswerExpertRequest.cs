using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Experts;

/// <summary>The expert answers a request made to them; the answer shows on the entry as an expert opinion.</summary>
[Requires(Permissions.GiveExpertOpinions)]
public sealed record AnswerExpertRequest(int RequestId, string? Answer) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => FieldRules.Required(nameof(Answer), Answer, ExpertRequest.AnswerMaxLength);
}

public sealed class AnswerExpertRequestHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AnswerExpertRequest>
{
    public async ValueTask<Unit> Handle(AnswerExpertRequest command, CancellationToken ct)
    {
        // Someone else's request, or one about an entry hidden since, answers exactly like a missing one.
        var request = await db.ExpertRequests.Include(r => r.Entry)
            .SingleOrDefaultAsync(r => r.Id == command.RequestId && r.ExpertId == user.Id && r.Entry!.Status != EntryStatus.Hidden, ct)
            ?? throw new NotFoundException($"Expert request {command.RequestId}");
        var answer = TextInput.Lines(command.Answer!.Trim())!;
        request.Answered(answer, markdown.Render(answer, nameof(command.Answer)), clock.GetUtcNow().UtcDateTime);
        var expertName = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync(ct);
        notifier.ExpertAnswered(request.RequestedById, request.EntryId, request.Entry!.Title, user.Id, expertName);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
