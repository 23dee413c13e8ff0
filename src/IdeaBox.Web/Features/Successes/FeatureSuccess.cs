namespace IdeaBox.Web.Features.Successes;

/// <summary>A moderator puts an initiative or a done entry on show (or rewrites its story). Audited.</summary>
[Requires(Permissions.Moderate)]
public sealed record FeatureSuccess(int EntryId, string? WhatChanged, int? ContactUnitId) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => SuccessStory.Validate(WhatChanged, ContactUnitId);
}

/// <summary>A moderator takes a success story off the home page, the digest and the printable page. Audited.</summary>
[Requires(Permissions.Moderate)]
public sealed record UnfeatureSuccess(int EntryId) : ICommand;

public sealed class FeatureSuccessHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FeatureSuccess>
{
    public async ValueTask<Unit> Handle(FeatureSuccess command, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == command.EntryId).Select(e => new { e.Kind, e.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Entry {command.EntryId}");
        if (!SuccessStory.CanFeature(entry.Kind, entry.Status)) throw new ConflictException("Success.NotEligible");
        if (!await db.Units.AnyAsync(u => u.Id == command.ContactUnitId, ct)) throw new ValidationFailedException("ContactUnitId", "Success.UnknownUnit");

        var now = clock.GetUtcNow().UtcDateTime;
        var text = TextInput.Lines(command.WhatChanged)!;
        var story = await db.SuccessStories.SingleOrDefaultAsync(s => s.EntryId == command.EntryId, ct);
        if (story is null)
        {
            story = new SuccessStory { EntryId = command.EntryId, WhatChanged = text };
            db.SuccessStories.Add(story);
        }
        story.WhatChanged = text;
        story.ContactUnitId = command.ContactUnitId!.Value;
        story.FeaturedById = user.Id;
        story.FeaturedAt = now;
        db.AuditEvents.Add(AuditEvent.Featuring(command.EntryId, user.Id, now, text));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

public sealed class UnfeatureSuccessHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UnfeatureSuccess>
{
    public async ValueTask<Unit> Handle(UnfeatureSuccess command, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.SuccessStories.Where(s => s.EntryId == command.EntryId).ExecuteDeleteAsync(ct) == 0)
            throw new ConflictException("Success.NotFeatured");
        db.AuditEvents.Add(AuditEvent.Featuring(command.EntryId, user.Id, clock.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}

/// <summary>Whether the entry can be put on show, and its story when it is (for the moderation page).</summary>
[Requires(Permissions.Moderate)]
public sealed record GetSuccessStory(int EntryId) : IQuery<SuccessStoryState>;

public sealed record SuccessStoryState(bool CanFeature, bool IsFeatured, string? WhatChanged, int? ContactUnitId);

public sealed class GetSuccessStoryHandler(IdeaBoxDb db) : IQueryHandler<GetSuccessStory, SuccessStoryState>
{
    public async ValueTask<SuccessStoryState> Handle(GetSuccessStory query, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == query.EntryId).Select(e => new { e.Kind, e.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Entry {query.EntryId}");
        var story = await db.SuccessStories.AsNoTracking().Where(s => s.EntryId == query.EntryId)
            .Select(s => new { s.WhatChanged, s.ContactUnitId }).SingleOrDefaultAsync(ct);
        return new SuccessStoryState(SuccessStory.CanFeature(entry.Kind, entry.Status), story is not null, story?.WhatChanged, story?.ContactUnitId);
    }
}
