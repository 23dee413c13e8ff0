using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

public sealed class IndexModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public UserPage Users { get; private set; } = new([], Paging.Of(1, 0, ListUsers.PageSize));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostRolesAsync(int id, List<string> roles, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SetUserRoles(id, roles), ct);
            await RenewOwnSessionAsync(id);
            StatusMessage = L["Admin.RolesSaved"];
            return Redirect(Url.Page("/Admin/Users/Index", new { q = Search, p = PageNumber }) + $"#user-{id}");
        }, () => LoadAsync(ct), keyOf: _ => $"roles-{id}");

    public Dictionary<string, string> RouteFor(int page) => new PageRoute().Add("q", Search).Page(page);

    private async Task LoadAsync(CancellationToken ct) => Users = await mediator.Send(new ListUsers(Search, PageNumber), ct);
}
