using IdeaBox.Data;
using IdeaBox.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>Sends real messages to real handlers over the real (SQLite) database, as a chosen user.</summary>
public class SliceFixture : TestApp
{
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, FakeUser user) =>
        await InScope(user, m => m.Send(command).AsTask());

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, FakeUser user) =>
        await InScope(user, m => m.Send(query).AsTask());

    private async Task<T> InScope<T>(FakeUser user, Func<IMediator, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = user;
        return await action(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    public Task<FakeUser> UserAsync(string email) => WithDb(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToArrayAsync();
        return new FakeUser(user.Id, roles);
    });

    /// <summary>Another ordinary agent than the demo one.</summary>
    public Task<FakeUser> OtherAgentAsync(int skip = 0) => WithDb(async db =>
    {
        var id = await db.Users.Where(u => u.Email!.EndsWith("@ideabox.demo") && !u.Email.Contains("agent@") && !u.Email.StartsWith("expert@")
                && !u.Email.StartsWith("moderateur@") && !u.Email.StartsWith("direction@") && !u.Email.StartsWith("admin@"))
            .OrderBy(u => u.Id).Skip(skip).Select(u => u.Id).FirstAsync();
        return new FakeUser(id, Roles.Agent);
    });

    public Task<int> AnyThemeIdAsync() => WithDb(db => db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
}
