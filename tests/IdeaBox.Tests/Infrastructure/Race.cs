using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// Makes a race happen where it hurts: the next time any handler opens a database transaction (its own,
/// or the one SaveChanges opens), another user's whole request runs first. The first handler has read the
/// state it checked and is about to write: exactly the window two concurrent requests share.
/// </summary>
public sealed class Race : DbTransactionInterceptor
{
    private Func<Task>? _other;

    public void BeforeNextTransaction(Func<Task> other) => _other = other;

    public void Reset() => _other = null;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _other, null) is { } other) await other();
        return result;
    }
}
