using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Calls;

/// <summary>A moderator changes a call until it closes.</summary>
public sealed class EditModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }

    [BindProperty] public CallForm Form { get; set; } = new();

    public EntryFormOptions Options { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallForEdit(Id), ct);
        Form = new CallForm
        {
            Question = call.Input.Question, Description = call.Input.Description, Kinds = [.. call.Input.Kinds], ThemeIds = [.. call.Input.ThemeIds],
            UnitIds = [.. call.Input.UnitIds], OpensOn = call.Input.OpensOn, ClosesOn = call.Input.ClosesOn,
        };
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        if (!ModelState.IsValid) return InvalidForm();
        return await SendFormAsync(async () =>
        {
            await mediator.Send(new ChangeCall(Id, Form.ToInput()), ct);
            StatusMessage = L["Call.Changed"];
            return RedirectToPage("/Calls/Details", new { id = Id });
        }, prefix: nameof(Form));
    }
}
