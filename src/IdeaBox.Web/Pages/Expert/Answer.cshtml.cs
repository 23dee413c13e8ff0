using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Experts;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Expert;

public sealed class AnswerModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Answer { get; set; }

    public ExpertRequestView Question { get; private set; } = null!;
    public EntryDetails Entry { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new AnswerExpertRequest(Id, Answer), ct);
            StatusMessage = L["Expert.AnswerSaved"];
            return RedirectToPage("/Entries/Details", new { id = (await mediator.Send(new GetExpertRequest(Id), ct)).EntryId });
        }, () => LoadAsync(ct), keyOf: _ => nameof(Answer));

    private async Task LoadAsync(CancellationToken ct)
    {
        Question = await mediator.Send(new GetExpertRequest(Id), ct);
        Entry = await mediator.Send(new GetEntry(Question.EntryId), ct);
    }
}
