namespace IdeaBox.Web.Features.Admin;

/// <summary>The e-mails the mail server refused: waiting for their next try, or given up; oldest first, a page at a time.</summary>
[Requires(Permissions.Administer)]
public sealed record ListMailFailures(int Page = 1) : IQuery<MailFailurePage>
{
    public const int PageSize = 50;
}

public sealed record MailFailure(int Id, string ToAddress, string Subject, int Attempts, DateTime CreatedAt, DateTime LastAttemptAt, DateTime? NextAttemptAt, string LastError)
{
    public bool GivenUp => NextAttemptAt is null;
}

public sealed record MailFailurePage(IReadOnlyList<MailFailure> Items, Paging Paging, int GivenUp);

public sealed class ListMailFailuresHandler(IdeaBoxDb db) : IQueryHandler<ListMailFailures, MailFailurePage>
{
    public async ValueTask<MailFailurePage> Handle(ListMailFailures query, CancellationToken ct)
    {
        var paging = Paging.Of(query.Page, await db.MailRetries.CountAsync(ct), ListMailFailures.PageSize);
        var items = await db.MailRetries.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(m => new MailFailure(m.Id, m.ToAddress, m.Subject, m.Attempts, m.CreatedAt, m.LastAttemptAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        return new MailFailurePage(items, paging, await db.MailRetries.CountAsync(m => m.NextAttemptAt == null, ct));
    }
}

/// <summary>An administrator asks for a kept e-mail to be tried again at the next pass of the mail worker (within <c>Email:PollSeconds</c>).</summary>
[Requires(Permissions.Administer)]
public sealed record ResendMail(int Id) : ICommand;

public sealed class ResendMailHandler(IdeaBoxDb db, TimeProvider clock) : ICommandHandler<ResendMail>
{
    public async ValueTask<Unit> Handle(ResendMail command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.MailRetries.Where(m => m.Id == command.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct) == 0)
            throw new NotFoundException("E-mail");
        return Unit.Value;
    }
}
