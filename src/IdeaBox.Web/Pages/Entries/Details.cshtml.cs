using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Features.Votes;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Entries;

[RateLimited(RateLimitPolicy.Comment, "POST", "Comment")]
[RateLimited(RateLimitPolicy.Vote, "POST", "Vote")]
[RateLimited(RateLimitPolicy.Vote, "POST", "Unvote")]
public sealed class DetailsModel(IMediator mediator) : AppPageModel
{
    public sealed class CommentForm
    {
        public int? ParentId { get; set; }
        public string? Body { get; set; }
    }

    /// <summary>A moderator's hiding (or showing again) of one comment.</summary>
    public sealed class CommentModerationForm
    {
        public int CommentId { get; set; }
        public string? Reason { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    /// <summary>The page of the discussion.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int CommentPage { get; set; } = 1;

    /// <summary>A comment to show: the discussion opens at the page that holds it.</summary>
    [BindProperty(SupportsGet = true, Name = "comment")]
    public int? AtComment { get; set; }

    [BindProperty]
    public CommentModerationForm Moderation { get; set; } = new();

    [BindProperty]
    public CommentForm Comment { get; set; } = new();

    public EntryDetails Entry { get; private set; } = null!;
    public EntryRelations Relations { get; private set; } = null!;
    public AnswerChain Chain { get; private set; } = AnswerChain.None;
    public IReadOnlyList<AuditRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A merged duplicate lives on in its target, which shows its discussion under a banner.
        if (Entry.MergedIntoId is { } target) return RedirectToPage("/Entries/Details", new { id = target });
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A form sent back with an error opens the discussion where that form is.
        var at = AtComment ?? Comment.ParentId ?? (Moderation.CommentId != 0 ? Moderation.CommentId : null);
        Entry = await mediator.Send(new GetEntry(Id, CommentPage, at), ct);
        Relations = await mediator.Send(new GetEntryRelations(Id), ct);
        Chain = await mediator.Send(new GetAnswerChain(Id), ct);
        if (User.Has(Permissions.Moderate))
            History = (await mediator.Send(new GetModerationLog(EntryId: Id), ct)).Rows;
    }

    public async Task<IActionResult> OnPostFollowAsync(CancellationToken ct)
    {
        await mediator.Send(new FollowEntry(Id), ct);
        StatusMessage = L["Follow.Done"];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnfollowAsync(CancellationToken ct)
    {
        await mediator.Send(new UnfollowEntry(Id), ct);
        StatusMessage = L["Follow.Stopped"];
        return RedirectToPage(new { id = Id });
    }

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct) =>
        VoteAsync(new CastVote(Id), "Vote.Done", ct);

    public Task<IActionResult> OnPostUnvoteAsync(CancellationToken ct) =>
        VoteAsync(new WithdrawVote(Id), "Vote.Withdrawn", ct);

    /// <summary>What a vote just did, for the script's live region.</summary>
    public string? VoteMessage { get; private set; }

    /// <summary>The vote script asks for the vote block alone, to swap it in place.</summary>
    private bool FromScript => Request.Headers["X-IdeaBox-Fetch"] == "1";

    private Task<IActionResult> VoteAsync(ICommand<VoteResult> command, string doneKey, CancellationToken ct) =>
        FromScript
            ? VoteFromScriptAsync(command, doneKey, ct)
            : SendFormAsync(async () =>
            {
                await mediator.Send(command, ct);
                StatusMessage = L[doneKey];
                return RedirectToPage(new { id = Id });
            }, () => LoadAsync(ct));

    /// <summary>The vote block alone, with what happened for the live region (409 when the entry is closed).</summary>
    private async Task<IActionResult> VoteFromScriptAsync(ICommand<VoteResult> command, string doneKey, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            VoteMessage = L[doneKey];
        }
        catch (ConflictException ex)
        {
            VoteMessage = L[ex.MessageKey, ex.Arguments];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        Entry = await mediator.Send(new GetEntry(Id, CommentPage), ct);
        return Partial("_Votes", this);
    }

    public Task<IActionResult> OnPostCommentAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            var commentId = await mediator.Send(new AddComment(Id, Comment.ParentId, Comment.Body), ct);
            StatusMessage = L[Comment.ParentId is null ? "Comment.Done" : "Comment.ReplyDone"];
            return Redirect(CommentUrl(Url, Id, commentId));
        }, () => LoadAsync(ct), prefix: nameof(Comment));

    public Task<IActionResult> OnPostHideCommentAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new HideComment(Moderation.CommentId, Moderation.Reason), ct);
            StatusMessage = L["Comment.HiddenDone"];
            return Redirect(CommentUrl(Url, Id, Moderation.CommentId));
        }, () => LoadAsync(ct), prefix: nameof(Moderation));

    public Task<IActionResult> OnPostShowCommentAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new ShowCommentAgain(Moderation.CommentId), ct);
            StatusMessage = L["Comment.ShownDone"];
            return Redirect(CommentUrl(Url, Id, Moderation.CommentId));
        }, () => LoadAsync(ct), prefix: nameof(Moderation));

    /// <summary>Where comment <paramref name="commentId"/> shows: its entry's page, at the discussion's page that holds it.</summary>
    public static string CommentUrl(IUrlHelper url, int entryId, int commentId) =>
        url.Page("/Entries/Details", null, new { id = entryId, comment = commentId }, protocol: null, host: null, fragment: $"comment-{commentId}")!;

    /// <summary>The discussion's pager: other pages of this entry, landing on the discussion.</summary>
    public PagerView CommentPager =>
        new(Entry.CommentPaging ?? Paging.Of(1, 0, CommentThreads.PageSize), page => new PageRoute().Page(page), "comments-title");

    /// <summary>A closed entry says why at the top of its page.</summary>
    protected override void OnConflict(string message, string key) => StatusMessage = message;

    /// <summary>The error of the comment form that was posted, shown next to that form only.</summary>
    public string? CommentErrorFor(int? parentId) =>
        Comment.ParentId == parentId ? ModelState["Comment.Body"]?.Errors.FirstOrDefault()?.ErrorMessage : null;
}
