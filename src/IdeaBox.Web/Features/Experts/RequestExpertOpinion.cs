using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Experts;

/// <summary>A moderator asks an expert a question about an entry. Returns the request's id.</summary>
[Requires(Permissions.Moderate)]
public sealed record RequestExpertOpinion(int EntryId, int? ExpertId, string? Question) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (ExpertId is null) yield return new(nameof(ExpertId), "Expert.Required");
        foreach (var error in FieldRules.Required(nameof(Question), Question, ExpertRequest.QuestionMaxLength)) yield return error;
    }
}

public sealed class RequestExpertOpinionHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RequestExpertOpinion, int>
{
    public async ValueTask<int> Handle(RequestExpertOpinion command, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        var expertId = command.ExpertId!.Value;
        var isExpert = await db.UserRoles.AnyAsync(ur => ur.UserId == expertId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert), ct);
        if (!isExpert) throw new ValidationFailedException(nameof(command.ExpertId), "Expert.NotAnExpert");

        var now = clock.GetUtcNow().UtcDateTime;
        var title = await db.Entries.Where(e => e.Id == command.EntryId).Select(e => e.Title).SingleAsync(ct);
        var request = new ExpertRequest
        {
            EntryId = command.EntryId, ExpertId = expertId, RequestedById = user.Id,
            Question = TextInput.Lines(command.Question!.Trim())!, RequestedAt = now,
        };
        db.ExpertRequests.Add(request);
        db.AuditEvents.Add(AuditEvent.ExpertAsked(command.EntryId, user.Id, now, expertId, request.Question));
        notifier.ExpertRequested(expertId, command.EntryId, title, user.Id);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}
