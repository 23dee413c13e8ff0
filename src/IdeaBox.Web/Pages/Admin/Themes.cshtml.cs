using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin;

public sealed class ThemesModel(IMediator mediator) : AppPageModel
{
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveTheme(null, Name), ct);
            StatusMessage = L["Admin.ThemeAdded"];
            return RedirectToPage();
        }, () => LoadAsync(ct), keyOf: _ => nameof(Name));

    public Task<IActionResult> OnPostRenameAsync(int id, string? newName, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SaveTheme(id, newName), ct);
            StatusMessage = L["Admin.ThemeRenamed"];
            return RedirectToPage();
        }, () => LoadAsync(ct), keyOf: _ => $"rename-{id}");

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new DeleteTheme(id), ct);
            StatusMessage = L["Admin.ThemeDeleted"];
            return RedirectToPage();
        }, () => LoadAsync(ct), keyOf: _ => $"rename-{id}");

    private async Task LoadAsync(CancellationToken ct) => Themes = await mediator.Send(new ListThemes(), ct);
}
