using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>Counts the SQL commands the app sends (every query, insert, update), so a test can say how many a request costs.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    /// <summary>How many commands <paramref name="action"/> sent.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        var before = Volatile.Read(ref _count);
        await action();
        return Volatile.Read(ref _count) - before;
    }

    private InterceptionResult<T> Counted<T>(InterceptionResult<T> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));
}
