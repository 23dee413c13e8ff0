namespace IdeaBox.Web.Features.Entries;

/// <summary>The current user's unit: the default "unit concerned" of a new entry.</summary>
[AnySignedInUser]
public sealed record GetMyUnit : IQuery<int>;

public sealed class GetMyUnitHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetMyUnit, int>
{
    public async ValueTask<int> Handle(GetMyUnit query, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == user.Id).Select(u => u.UnitId).SingleAsync(ct);
}
