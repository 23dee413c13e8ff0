namespace IdeaBox.Web.Features.Accounts;

/// <summary>Everything IdeaBox holds about the signed-in person, to download.</summary>
[AnySignedInUser]
public sealed record ExportMyData : IQuery<PersonalDataExport>;

public sealed class ExportMyDataHandler(PersonalData data, ICurrentUser user) : IQueryHandler<ExportMyData, PersonalDataExport>
{
    public async ValueTask<PersonalDataExport> Handle(ExportMyData query, CancellationToken ct) => await data.ExportAsync(user.Id, user.Id, ct);
}
