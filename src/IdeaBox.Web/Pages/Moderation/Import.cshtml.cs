using IdeaBox.Web.Features.Jobs;
using IdeaBox.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Moderation;

/// <summary>Entries received elsewhere (a survey, a suggestion box): preview every line, then record them all or none.</summary>
[RequestSizeLimit(4_000_000)]
public sealed class ImportModel(IMediator mediator) : CsvImportPageModel<ImportResult>
{
    protected override async Task<ImportResult> PreviewAsync(CancellationToken ct) =>
        await mediator.Send(new ImportEntries(Csv, Commit: false), ct);

    protected override async Task<Guid> QueueAsync(CancellationToken ct) => await mediator.Send(new QueueEntryImport(Csv!), ct);

    protected override IReadOnlyList<FieldError> FileErrors(ImportResult result) => result.FileErrors;

    protected override bool IsValid(ImportResult result) => result.IsValid;
}
