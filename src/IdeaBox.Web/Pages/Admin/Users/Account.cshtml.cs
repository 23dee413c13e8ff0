using IdeaBox.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace IdeaBox.Web.Pages.Admin.Users;

/// <summary>One account, as an administrator manages it: roles, unit, access (disable, unlock, invitation), and its security events.</summary>
[RateLimited(RateLimitPolicy.Export, "GET", "Data")]
public sealed class AccountModel(IMediator mediator) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public UserAccount Account { get; private set; } = null!;
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostRolesAsync(List<string> roles, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new SetUserRoles(Id, roles), ct);
            await RenewOwnSessionAsync(Id);
            StatusMessage = L["Admin.RolesSaved"];
            return RedirectToPage(new { Id });
        }, () => LoadAsync(ct), keyOf: _ => "roles");

    public Task<IActionResult> OnPostUnitAsync(int? unitId, CancellationToken ct) =>
        Act(new ChangeUserUnit(Id, unitId), "Admin.UnitChanged", "unit", ct);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => Act(new DisableUser(Id), "Admin.UserDisabled", "access", ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => Act(new EnableUser(Id), "Admin.UserEnabled", "access", ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => Act(new UnlockUser(Id), "Admin.UserUnlocked", "access", ct);

    public async Task<IActionResult> OnGetDataAsync(CancellationToken ct) =>
        Pages.Account.MyDataModel.PersonalDataFile(await mediator.Send(new ExportUserData(Id), ct));

    public Task<IActionResult> OnPostDeleteAsync(bool understood, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(new DeleteUser(Id, understood), ct);
            StatusMessage = L["Admin.UserDeleted"];
            return RedirectToPage("/Admin/Users/Index");
        }, () => LoadAsync(ct), keyOf: _ => "delete");

    public Task<IActionResult> OnPostResendAsync(CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            var sent = await mediator.Send(new ResendInvitation(Id), ct);
            StatusMessage = sent ? L["Admin.InvitationResent"] : L["Admin.InvitationNotSent"];
            return RedirectToPage(new { Id });
        }, () => LoadAsync(ct), keyOf: _ => "access");

    private Task<IActionResult> Act(ICommand command, string done, string field, CancellationToken ct) =>
        SendFormAsync(async () =>
        {
            await mediator.Send(command, ct);
            StatusMessage = L[done];
            return RedirectToPage(new { Id });
        }, () => LoadAsync(ct), keyOf: _ => field);

    private async Task LoadAsync(CancellationToken ct)
    {
        Account = await mediator.Send(new GetUserAccount(Id), ct);
        Units = await mediator.Send(new ListUnits(), ct);
    }
}
