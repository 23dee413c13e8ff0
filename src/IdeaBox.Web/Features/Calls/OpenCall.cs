namespace IdeaBox.Web.Features.Calls;

/// <summary>What a moderator writes to open or change a call for contributions.</summary>
public sealed record CallInput(
    string? Question, string? Description, IReadOnlyList<EntryKind> Kinds, IReadOnlyList<int> ThemeIds, IReadOnlyList<int> UnitIds,
    DateOnly? OpensOn, DateOnly? ClosesOn)
{
    /// <summary>Checks the input and its references, then writes it on <paramref name="call"/>: 400 naming each wrong field, nothing saved.</summary>
    internal async Task ApplyToAsync(ContributionCall call, IdeaBoxDb db, DateOnly today, bool isNew, CancellationToken ct)
    {
        var errors = ContributionCall.Validate(Question, Description, Kinds, OpensOn, ClosesOn, today, isNew).ToList();
        var themeIds = ThemeIds.Distinct().ToList();
        var unitIds = UnitIds.Distinct().ToList();
        var themes = await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(ct);
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        if (themes.Count != themeIds.Count) errors.Add(new("ThemeIds", "Validation.UnknownTheme"));
        if (units.Count != unitIds.Count) errors.Add(new("UnitIds", "Validation.UnknownUnit"));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        call.Question = Question!.Trim();
        call.Description = TextInput.Optional(Description);
        call.KindMask = ContributionCall.MaskOf(Kinds);
        call.OpensOn = OpensOn!.Value;
        call.ClosesOn = ClosesOn!.Value;
        call.Themes.Clear();
        call.Themes.AddRange(themes);
        call.InvitedUnits.Clear();
        call.InvitedUnits.AddRange(units);
    }
}

/// <summary>
/// A moderator opens a call for contributions. When its opening day has come, the invited agents are told
/// at once (a notification, and an e-mail as each one's preferences say); otherwise on its opening day.
/// Audited. Returns its id.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record OpenCall(CallInput Input) : ICommand<int>;

/// <summary>A moderator changes a call until it closes (its question, kinds, themes, units and dates).</summary>
[Requires(Permissions.Moderate)]
public sealed record ChangeCall(int CallId, CallInput Input) : ICommand;

public sealed class OpenCallHandler(IdeaBoxDb db, CallSchedule schedule, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenCall, int>
{
    public async ValueTask<int> Handle(OpenCall command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new ContributionCall { Question = "", CreatedById = user.Id, CreatedAt = now };
        await command.Input.ApplyToAsync(call, db, Display.LocalDay(now), isNew: true, ct);
        db.Calls.Add(call);
        db.AuditEvents.Add(AuditEvent.Calling(user.Id, now, call.Question, opened: true));
        await db.SaveChangesAsync(ct);
        await schedule.ForgetAsync(ct);
        await schedule.AnnounceDueAsync(ct);
        return call.Id;
    }
}

public sealed class ChangeCallHandler(IdeaBoxDb db, CallSchedule schedule, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeCall>
{
    public async ValueTask<Unit> Handle(ChangeCall command, CancellationToken ct)
    {
        var call = await db.Calls.Include(c => c.Themes).Include(c => c.InvitedUnits).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.CallId, ct)
            ?? throw new NotFoundException($"Call {command.CallId}");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Display.LocalDay(now);
        if (call.HasClosedOn(today)) throw new ConflictException("Call.AlreadyClosed");
        await command.Input.ApplyToAsync(call, db, today, isNew: false, ct);
        db.AuditEvents.Add(AuditEvent.Calling(user.Id, now, call.Question, opened: false));
        await db.SaveChangesAsync(ct);
        await schedule.ForgetAsync(ct);
        await schedule.AnnounceDueAsync(ct);
        return Unit.Value;
    }
}

/// <summary>A call as its form shows it, for a moderator to change it.</summary>
[Requires(Permissions.Moderate)]
public sealed record GetCallForEdit(int CallId) : IQuery<CallForEdit>;

public sealed record CallForEdit(int Id, CallInput Input);

public sealed class GetCallForEditHandler(IdeaBoxDb db) : IQueryHandler<GetCallForEdit, CallForEdit>
{
    public async ValueTask<CallForEdit> Handle(GetCallForEdit query, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Themes).Include(c => c.InvitedUnits).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == query.CallId, ct)
            ?? throw new NotFoundException($"Call {query.CallId}");
        return new CallForEdit(call.Id, new CallInput(call.Question, call.Description, call.Kinds, [.. call.Themes.Select(t => t.Id)],
            [.. call.InvitedUnits.Select(u => u.Id)], call.OpensOn, call.ClosesOn));
    }
}
