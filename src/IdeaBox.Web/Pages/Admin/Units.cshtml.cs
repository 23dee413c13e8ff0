using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

public sealed class UnitsModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Code { get; set; }

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveUnit(null, Name, ParentId, Code), ct);
            StatusMessage = L["Admin.UnitAdded"];
            return RedirectToPage();
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostRenameAsync(int id, string? newName, string? newCode, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveUnit(id, newName, null, newCode), ct);
            StatusMessage = L["Admin.UnitRenamed"];
            return RedirectToPage();
        }, () => LoadAsync(ct), keyOf: _ => $"rename-{id}");

    private async Task LoadAsync(CancellationToken ct) => Units = await mediator.Send(new ListUnits(), ct);
}
