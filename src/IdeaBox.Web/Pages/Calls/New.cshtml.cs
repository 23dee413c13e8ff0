using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Calls;

/// <summary>A moderator opens a call for contributions (opening today and closing in three months unless changed).</summary>
public sealed class NewModel(IMediator mediator, TimeProvider clock) : AppPageModel
{
    [BindProperty] public CallForm Form { get; set; } = new();

    public EntryFormOptions Options { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Display.LocalDay(clock.GetUtcNow().UtcDateTime);
        Form.OpensOn = today;
        Form.ClosesOn = today.AddMonths(3);
        Form.Kinds = [.. Enum.GetValues<EntryKind>()];
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        if (!ModelState.IsValid) return InvalidForm();
        return await SendFormAsync(async () =>
        {
            var id = await mediator.Send(new OpenCall(Form.ToInput()), ct);
            StatusMessage = L["Call.Opened"];
            return RedirectToPage("/Calls/Details", new { id });
        }, prefix: nameof(Form));
    }
}
