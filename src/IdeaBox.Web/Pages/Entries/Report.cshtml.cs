using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Reports;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

/// <summary>Reporting an entry, or one of its comments (?comment=N), to the moderators.</summary>
[RateLimited(RateLimitPolicy.Comment, "POST")]
public sealed class ReportModel(IMediator mediator) : AppPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Comment { get; set; }
    [BindProperty] public ReportReason? Reason { get; set; }
    [BindProperty] public string? Details { get; set; }

    public EntryDetails Entry { get; private set; } = null!;
    /// <summary>The comment reported, as the page shows it.</summary>
    public string? CommentHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new ReportContent(Id, Comment, Reason, Details), ct);
            StatusMessage = L["Report.Thanks"];
            return RedirectToPage("/Entries/Details", new { id = Id });
        }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Entry = await mediator.Send(new GetEntry(Id), ct);
        if (Comment is { } commentId)
        {
            var all = Entry.Comments.Concat(Entry.Comments.SelectMany(c => c.Replies));
            CommentHtml = all.FirstOrDefault(c => c.Id == commentId && !c.IsHidden)?.BodyHtml
                ?? throw new NotFoundException($"Comment {commentId} on entry {Id}");
        }
    }
}
