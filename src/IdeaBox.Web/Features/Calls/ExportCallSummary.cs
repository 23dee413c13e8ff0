namespace IdeaBox.Web.Features.Calls;

/// <summary>A call with its summary, for its download, which is for those who export (every download is a security event).</summary>
[Requires(Permissions.Export)]
public sealed record GetCallForExport(int CallId) : IQuery<CallView>;

public sealed class GetCallForExportHandler(CallViews views) : IQueryHandler<GetCallForExport, CallView>
{
    public async ValueTask<CallView> Handle(GetCallForExport query, CancellationToken ct) => await views.LoadAsync(new GetCall(query.CallId), ct);
}
