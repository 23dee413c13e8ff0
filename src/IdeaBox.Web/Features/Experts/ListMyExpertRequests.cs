namespace IdeaBox.Web.Features.Experts;

/// <summary>The requests made to the current user: pending first, then the answered ones.</summary>
[Requires(Permissions.GiveExpertOpinions)]
public sealed record ListMyExpertRequests : IQuery<IReadOnlyList<ExpertRequestView>>;

public sealed class ListMyExpertRequestsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListMyExpertRequests, IReadOnlyList<ExpertRequestView>>
{
    public async ValueTask<IReadOnlyList<ExpertRequestView>> Handle(ListMyExpertRequests query, CancellationToken ct) =>
        await ExpertQueries.RequestsTo(db, user.Id)
            .OrderBy(r => r.AnsweredAt == null ? 0 : 1).ThenByDescending(r => r.RequestedAt).Take(200)
            .View().ToListAsync(ct);
}
