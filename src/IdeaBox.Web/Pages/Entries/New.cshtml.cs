using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Search;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

[RateLimited(RateLimitPolicy.Submit, "POST")]
public sealed class NewModel(IMediator mediator) : AppPageModel
{
    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public EntryFormOptions Options { get; private set; } = new([], []);

    /// <summary>A moderator records an entry from another source (SWOT, audit…).</summary>
    [BindProperty(SupportsGet = true)] public bool Record { get; set; }

    public bool Recording => Record && User.Has(Permissions.Moderate);

    public IReadOnlyList<SimilarEntry> Similar { get; private set; } = [];

    /// <summary>The open calls that invite the author; "?call=" preselects one (and its themes).</summary>
    public IReadOnlyList<OpenCallBrief> Calls { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "call")] public int? CallFromLink { get; set; }

    public EntryFormView FormView => new(Input, Options, Recording ? "Record.Button" : "Submit.Button", Recording,
        SuggestSimilar: !Recording, Similar: Similar, Calls: Recording ? [] : Calls);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The unit concerned is left on "my unit" (the author's own), which an anonymous entry must replace.
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Calls = await mediator.Send(new GetOpenCalls(), ct);
        if (Calls.FirstOrDefault(c => c.Id == CallFromLink) is { } call)
        {
            Input.CallId = call.Id;
            Input.ThemeIds = [.. call.ThemeIds];
            if (Enum.GetValues<EntryKind>().Where(call.Seeks).ToList() is [var only]) Input.Kind = only.ToString();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetEntryFormOptions(), ct);
        Calls = await mediator.Send(new GetOpenCalls(), ct);
        if (!ModelState.IsValid) return InvalidForm();
        // Without JavaScript, the similar entries appear on a confirmation step before anything is saved.
        if (!Recording && !Input.SimilarChecked)
        {
            Similar = await mediator.Send(new FindSimilarEntries(Input.Title), ct);
            Input.SimilarChecked = true;
            if (Similar.Count > 0)
            {
                StatusMessage = null;
                ModelState.Clear();
                return Page();
            }
        }
        return await SendFormAsync(async () =>
        {
            var id = Recording
                ? await mediator.Send(new RecordEntry(Input.ToInput(), Input.Origin, Input.OriginReference), ct)
                : await mediator.Send(new SubmitEntry(Input.ToInput()), ct);
            StatusMessage = L["Submit.Done"];
            return RedirectToPage("/Entries/Details", new { id });
        }, prefix: nameof(Input));
    }
}
