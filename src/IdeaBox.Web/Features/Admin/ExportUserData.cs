using IdeaBox.Web.Features.Accounts;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator downloads what IdeaBox holds about someone (a request made to the data protection officer).</summary>
[Requires(Permissions.Administer)]
public sealed record ExportUserData(int UserId) : IQuery<PersonalDataExport>;

public sealed class ExportUserDataHandler(PersonalData data, ICurrentUser user) : IQueryHandler<ExportUserData, PersonalDataExport>
{
    public async ValueTask<PersonalDataExport> Handle(ExportUserData query, CancellationToken ct) => await data.ExportAsync(query.UserId, user.Id, ct);
}
