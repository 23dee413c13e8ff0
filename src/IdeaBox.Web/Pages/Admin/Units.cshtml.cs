using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

public sealed class UnitsModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? ParentId { get; set; }

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Units = await mediator.Send(new ListUnits(), ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SaveUnit(null, Name, ParentId), ct).AsTask(), "Admin.UnitAdded", null, ct);

    public Task<IActionResult> OnPostRenameAsync(int id, string? newName, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SaveUnit(id, newName, null), ct).AsTask(), "Admin.UnitRenamed", $"rename-{id}", ct);

    private async Task<IActionResult> RunAsync(Func<Task> action, string doneKey, string? field, CancellationToken ct)
    {
        try
        {
            await action();
            StatusMessage = L[doneKey];
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var error in ex.Errors) ModelState.AddModelError(field ?? error.Field, L[error.MessageKey, error.Arguments]);
            Units = await mediator.Send(new ListUnits(), ct);
            return InvalidForm();
        }
    }
}
