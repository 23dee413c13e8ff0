using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator asks an expert a question about an entry.</summary>
public sealed record RequestExpertOpinion(int EntryId, int? ExpertId, string? Question) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (ExpertId is null) yield return new(nameof(ExpertId), "Expert.Required");
        if (string.IsNullOrWhiteSpace(Question)) yield return new(nameof(Question), "Validation.Required");
        else if (Question.Length > ExpertRequest.QuestionMaxLength)
            yield return new(nameof(Question), "Validation.MaxLength", ExpertRequest.QuestionMaxLength);
    }
}

public sealed class RequestExpertOpinionHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RequestExpertOpinion, int>
{
    public async ValueTask<int> Handle(RequestExpertOpinion command, CancellationToken ct)
    {
        user.MustModerate();
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        var expertId = command.ExpertId!.Value;
        var isExpert = await db.UserRoles.AnyAsync(ur => ur.UserId == expertId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert), ct);
        if (!isExpert) throw new ValidationFailedException(new FieldError(nameof(command.ExpertId), "Expert.NotAnExpert"));

        var now = clock.GetUtcNow().UtcDateTime;
        var title = await db.Entries.Where(e => e.Id == command.EntryId).Select(e => e.Title).SingleAsync(ct);
        var request = new ExpertRequest
        {
            EntryId = command.EntryId, ExpertId = expertId, RequestedById = user.Id,
            Question = TextInput.Lines(command.Question!.Trim())!, RequestedAt = now,
        };
        db.ExpertRequests.Add(request);
        var expertName = await db.Users.Where(u => u.Id == expertId).Select(u => u.DisplayName).SingleAsync(ct);
        db.Record(user.Id, now, AuditAction.ExpertRequested, command.EntryId, to: expertName, reason: request.Question);
        notifier.ExpertRequested(expertId, command.EntryId, title, user.Id);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}

/// <summary>The expert answers a request made to them; the answer shows on the entry as an expert opinion.</summary>
public sealed record AnswerExpertRequest(int RequestId, string? Answer) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Answer)) yield return new(nameof(Answer), "Validation.Required");
        else if (Answer.Length > ExpertRequest.AnswerMaxLength)
            yield return new(nameof(Answer), "Validation.MaxLength", ExpertRequest.AnswerMaxLength);
    }
}

public sealed class AnswerExpertRequestHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AnswerExpertRequest>
{
    public async ValueTask<Unit> Handle(AnswerExpertRequest command, CancellationToken ct)
    {
        // Someone else's request answers exactly like a missing one.
        var request = await db.ExpertRequests.Include(r => r.Entry)
            .SingleOrDefaultAsync(r => r.Id == command.RequestId && r.ExpertId == user.Id, ct)
            ?? throw new NotFoundException($"Expert request {command.RequestId}");
        if (request.AnsweredAt is not null) throw new ConflictException("Expert.AlreadyAnswered");

        request.Answer = TextInput.Lines(command.Answer!.Trim())!;
        request.AnswerHtml = markdown.Render(request.Answer, nameof(command.Answer));
        request.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        var expertName = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync(ct);
        notifier.ExpertAnswered(request.RequestedById, request.EntryId, request.Entry!.Title, user.Id, expertName);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>The requests made to the current user: pending first, then the answered ones.</summary>
public sealed record ListMyExpertRequests : IQuery<IReadOnlyList<ExpertRequestView>>;

/// <summary>One request as the expert sees it.</summary>
public sealed record GetExpertRequest(int RequestId) : IQuery<ExpertRequestView>;

public sealed record ExpertRequestView(
    int Id, int EntryId, string EntryTitle, EntryKind EntryKind, string RequestedBy, string Question,
    DateTime RequestedAt, string? AnswerHtml, DateTime? AnsweredAt);

public sealed class ExpertRequestQueries(IdeaBoxDb db, ICurrentUser user)
    : IQueryHandler<ListMyExpertRequests, IReadOnlyList<ExpertRequestView>>, IQueryHandler<GetExpertRequest, ExpertRequestView>
{
    public async ValueTask<IReadOnlyList<ExpertRequestView>> Handle(ListMyExpertRequests query, CancellationToken ct) =>
        await View(Mine().OrderBy(r => r.AnsweredAt == null ? 0 : 1).ThenByDescending(r => r.RequestedAt).Take(200)).ToListAsync(ct);

    public async ValueTask<ExpertRequestView> Handle(GetExpertRequest query, CancellationToken ct) =>
        await View(Mine().Where(r => r.Id == query.RequestId)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Expert request {query.RequestId}");

    /// <summary>Someone else's request answers exactly like a missing one.</summary>
    private IQueryable<ExpertRequest> Mine() => db.ExpertRequests.AsNoTracking().Where(r => r.ExpertId == user.Id);

    private static IQueryable<ExpertRequestView> View(IQueryable<ExpertRequest> requests) =>
        requests.Select(r => new ExpertRequestView(r.Id, r.EntryId, r.Entry!.Title, r.Entry.Kind, r.RequestedBy!.DisplayName,
            r.Question, r.RequestedAt, r.AnswerHtml, r.AnsweredAt));
}

/// <summary>The users with the Expert role, for the moderator's request form.</summary>
public sealed record ListExperts : IQuery<IReadOnlyList<PersonOption>>;

public sealed record PersonOption(int Id, string Name, string UnitName);

public sealed class ListExpertsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListExperts, IReadOnlyList<PersonOption>>
{
    public async ValueTask<IReadOnlyList<PersonOption>> Handle(ListExperts query, CancellationToken ct)
    {
        user.MustModerate();
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Unit!.Name))
            .ToListAsync(ct);
    }
}
