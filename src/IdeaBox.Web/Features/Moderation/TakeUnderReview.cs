namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator takes several submitted entries under review at once. Returns how many moved; entries no longer submitted are left alone.</summary>
[Requires(Permissions.Moderate)]
public sealed record TakeUnderReview(IReadOnlyList<int> EntryIds) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (EntryIds.Count == 0) yield return new(nameof(EntryIds), "Moderation.NothingSelected");
    }
}

public sealed class TakeUnderReviewHandler(IdeaBoxDb db, EntryMoves moves, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<TakeUnderReview, int>
{
    public async ValueTask<int> Handle(TakeUnderReview command, CancellationToken ct)
    {
        var ids = command.EntryIds.Distinct().ToList();
        var entries = await db.Entries.Where(e => ids.Contains(e.Id) && e.Status == EntryStatus.Submitted).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
            await moves.RecordAsync(entry, entry.MoveTo(EntryStatus.UnderReview, user.Actor, null, now), ct);
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
