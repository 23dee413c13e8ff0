using IdeaBox.Web.Features.Comments;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Comments;

public sealed class EditModel(IMediator mediator) : AppPageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public CommentForEdit Comment { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Comment = await mediator.Send(new GetCommentForEdit(Id), ct);
        Body = Comment.Body;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Comment = await mediator.Send(new GetCommentForEdit(Id), ct);
        return await SendFormAsync(async () =>
        {
            var entryId = await mediator.Send(new EditComment(Id, Body), ct);
            StatusMessage = L["Comment.Saved"];
            return Redirect(Entries.DetailsModel.CommentUrl(Url, entryId, Id));
        });
    }
}
