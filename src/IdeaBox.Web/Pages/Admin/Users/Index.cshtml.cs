using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public UserPage Users { get; private set; } = new([], 0, 1, ListUsers.PageSize);

    public async Task OnGetAsync(CancellationToken ct) => Users = await mediator.Send(new ListUsers(Search, PageNumber), ct);

    public async Task<IActionResult> OnPostRolesAsync(int id, List<string> roles, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new SetUserRoles(id, roles), ct);
            StatusMessage = L["Admin.RolesSaved"];
            return Redirect(Url.Page("/Admin/Users/Index", new { q = Search, p = PageNumber }) + $"#user-{id}");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var error in ex.Errors) ModelState.AddModelError($"roles-{id}", L[error.MessageKey, error.Arguments]);
            Users = await mediator.Send(new ListUsers(Search, PageNumber), ct);
            return InvalidForm();
        }
    }
}
