using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

public sealed class EditModel(IMediator mediator) : AppPageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public EntryFormOptions Options { get; private set; } = new([], []);

    public EntryFormView FormView => new(Input, Options, "Edit.Button");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = EntryForm.From(await mediator.Send(new GetEntryForEdit(Id), ct));
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Someone else's entry is refused (403) before its input is even looked at.
        await mediator.Send(new GetEntryForEdit(Id), ct);
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        if (!ModelState.IsValid) return InvalidForm();
        return await SendFormAsync(async () =>
        {
            await mediator.Send(new EditEntry(Id, Input.ToInput()), ct);
            StatusMessage = L["Edit.Done"];
            return RedirectToPage("/Entries/Details", new { id = Id });
        }, prefix: nameof(Input));
    }
}
