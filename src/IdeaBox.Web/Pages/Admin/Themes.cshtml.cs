using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

public sealed class ThemesModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Themes = await mediator.Send(new ListThemes(), ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SaveTheme(null, Name), ct).AsTask(), "Admin.ThemeAdded", nameof(Name), ct);

    public Task<IActionResult> OnPostRenameAsync(int id, string? newName, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SaveTheme(id, newName), ct).AsTask(), "Admin.ThemeRenamed", $"rename-{id}", ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new DeleteTheme(id), ct).AsTask(), "Admin.ThemeDeleted", $"rename-{id}", ct);

    private async Task<IActionResult> RunAsync(Func<Task> action, string doneKey, string field, CancellationToken ct)
    {
        try
        {
            await action();
            StatusMessage = L[doneKey];
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var error in ex.Errors) ModelState.AddModelError(field, L[error.MessageKey, error.Arguments]);
            Themes = await mediator.Send(new ListThemes(), ct);
            return InvalidForm();
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError(field, L[ex.MessageKey]);
            Themes = await mediator.Send(new ListThemes(), ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
