using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan.Projects;

public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? NoteBody { get; set; }
    [BindProperty] public int? NoteProgress { get; set; }

    public ProjectDetails Project { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return InvalidForm();
        }
        return await SendFormAsync(async () =>
        {
            await mediator.Send(new AddProjectNote(Id, NoteBody, NoteProgress), ct);
            StatusMessage = L["Plan.NoteAdded"];
            return RedirectToPage(new { id = Id });
        }, () => LoadAsync(ct), keyOf: field => field == nameof(AddProjectNote.Body) ? nameof(NoteBody) : nameof(NoteProgress));
    }

    private async Task LoadAsync(CancellationToken ct) => Project = await mediator.Send(new GetProject(Id), ct);
}
