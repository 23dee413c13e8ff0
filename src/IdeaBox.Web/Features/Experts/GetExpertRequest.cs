namespace IdeaBox.Web.Features.Experts;

/// <summary>One request as the expert it was made to sees it.</summary>
[Requires(Permissions.GiveExpertOpinions)]
public sealed record GetExpertRequest(int RequestId) : IQuery<ExpertRequestView>;

public sealed class GetExpertRequestHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetExpertRequest, ExpertRequestView>
{
    public async ValueTask<ExpertRequestView> Handle(GetExpertRequest query, CancellationToken ct) =>
        await ExpertQueries.RequestsTo(db, user.Id).Where(r => r.Id == query.RequestId).View().SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Expert request {query.RequestId}");
}
