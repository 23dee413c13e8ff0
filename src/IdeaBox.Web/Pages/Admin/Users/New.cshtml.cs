using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

/// <summary>An administrator creates an account; the person is e-mailed a link to choose their password.</summary>
public sealed class NewModel(IMediator mediator) : AppPageModel
{
    public sealed class UserInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public int? UnitId { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public UserInput Input { get; set; } = new();

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            var invited = await mediator.Send(new InviteUser(Input.Email, Input.Name, Input.UnitId, Input.Roles), ct);
            StatusMessage = invited.Emailed ? L["Admin.InvitationSent", Input.Email!.Trim()] : L["Admin.InvitationNotSent"];
            return RedirectToPage("/Admin/Users/Account", new { id = invited.UserId });
        }, () => LoadAsync(ct), prefix: nameof(Input));

    private async Task LoadAsync(CancellationToken ct) => Units = await mediator.Send(new ListUnits(), ct);
}
