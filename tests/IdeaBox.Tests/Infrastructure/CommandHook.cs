using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// Runs something else (another node's work) just before the next SQL command that contains a given text: how a
/// test puts a second node's write between a handler's read and its own write when no transaction marks the spot.
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private (string Text, Func<Task> Action)? _next;

    public void BeforeNext(string sqlContaining, Func<Task> action) => _next = (sqlContaining, action);

    public void Reset() => _next = null;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command);
        return result;
    }

    private async Task RunAsync(DbCommand command)
    {
        // Written with SQLite's quotes ("Table"); SQL Server's brackets ([Table]) match the same text.
        if (_next is { } next && command.CommandText.Replace('[', '"').Replace(']', '"').Contains(next.Text, StringComparison.Ordinal))
        {
            _next = null;
            await next.Action();
        }
    }
}
