using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Plan.Projects;

public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? NoteBody { get; set; }
    [BindProperty] public int? NoteProgress { get; set; }

    public ProjectDetails Project { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Project = await mediator.Send(new GetProject(Id), ct);

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        try
        {
            if (!ModelState.IsValid) throw new ValidationFailedException([]);
            await mediator.Send(new AddProjectNote(Id, NoteBody, NoteProgress), ct);
            StatusMessage = L["Plan.NoteAdded"];
            return RedirectToPage(new { id = Id });
        }
        catch (ValidationFailedException ex)
        {
            foreach (var error in ex.Errors)
                ModelState.AddModelError(error.Field == "Body" ? nameof(NoteBody) : nameof(NoteProgress), L[error.MessageKey, error.Arguments]);
            Project = await mediator.Send(new GetProject(Id), ct);
            return InvalidForm();
        }
    }
}
