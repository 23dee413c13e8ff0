using System.Data;
using System.Data.Common;
using System.Globalization;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit.Sdk;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// Every query of the application, run on the SQL Server provider with no server: each command EF Core would send
/// is caught before it leaves (answered with no rows) and parsed by Microsoft's T-SQL parser. A LINQ query that SQL
/// Server's provider cannot translate, or translates into SQL that does not parse, fails here.
/// </summary>
public sealed class SqlServerQueriesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_query_handler_s_sql_for_sql_server_parses()
    {
        var capture = new Capture();
        await using var app = new SqlServerApp(capture);
        var queries = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var silent = new List<string>();
        var untranslated = new List<string>();
        foreach (var type in queries)
        {
            var before = capture.Count;
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = new ActorUser(1, Roles.ByPrecedence.ToArray());
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(Build(type));
            }
            catch (InvalidOperationException e) when (e.Message.Contains("could not be translated", StringComparison.Ordinal))
            {
                untranslated.Add($"{type.Name}: {e.Message}");
            }
            catch (Exception e) when (e is not XunitException)
            {
                // Expected: no rows came back (a Single() on nothing, a page that is not found).
            }
            if (capture.Count == before) silent.Add(type.Name);
        }

        output.WriteLine($"{queries.Count} queries, {queries.Count - silent.Count} sent SQL ({capture.Count} statements); none sent: {string.Join(", ", silent)}");
        Assert.Empty(untranslated);
        var errors = capture.Statements.SelectMany(sql => ParseErrors(sql).Select(e => $"{e}\n{sql}")).ToList();
        Assert.Empty(errors);
        // Every query reaches the database, even an empty one.
        Assert.Empty(silent);
    }

    private static IEnumerable<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}");
    }

    /// <summary>A query with plausible values: ids 1, a word to search, the first value of each choice.</summary>
    private static object Build(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Value(p.ParameterType)).ToArray());
    }

    private static object? Value(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(int) || inner == typeof(long) || inner == typeof(short)) return Convert.ChangeType(1, inner, CultureInfo.InvariantCulture);
        if (inner == typeof(double)) return 1d;
        if (inner == typeof(bool)) return true;
        if (inner == typeof(string)) return "badge";
        if (inner == typeof(DateOnly)) return new DateOnly(2026, 11, 30);
        if (inner == typeof(DateTime)) return new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        if (inner == typeof(Guid)) return Guid.Empty;
        if (inner.IsEnum) return Enum.GetValues(inner).GetValue(0);
        if (inner.IsArray) return Array.CreateInstance(inner.GetElementType()!, 0);
        if (inner.IsGenericType && inner.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(inner))
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(element));
        // A query nested in another (the filters of an export): built the same way.
        if (inner.Assembly == typeof(Program).Assembly && inner.IsClass && !inner.IsAbstract) return Build(inner);
        return inner.IsValueType ? Activator.CreateInstance(inner) : null;
    }

    /// <summary>The app configured for SQL Server, with nothing running in the background.</summary>
    private sealed class SqlServerApp(Capture capture) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:IdeaBox", "Server=127.0.0.1,1;Database=IdeaBox;Connect Timeout=1;TrustServerCertificate=true");
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Seed:Demo", "false");
            builder.UseSetting("Dashboard:CacheSeconds", "0");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IHostedService>();
                // The failed reads are expected: nothing to log.
                services.AddLogging(logging => logging.ClearProviders());
                services.ConfigureDbContext<IdeaBoxDb>(o => o.AddInterceptors(capture));
            });
        }
    }

    /// <summary>Keeps each command's text and answers in its place: no connection is opened, no row comes back.</summary>
    private sealed class Capture : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly List<string> _statements = [];

        public int Count
        {
            get
            {
                lock (_statements) return _statements.Count;
            }
        }

        public IReadOnlyList<string> Statements
        {
            get
            {
                lock (_statements) return [.. _statements];
            }
        }

        /// <summary>No row, and more columns than any query reads (EF Core checks there are enough before reading).</summary>
        private static DbDataReader NoRows()
        {
            var table = new DataTable();
            for (var i = 0; i < 256; i++) table.Columns.Add("c" + i.ToString(CultureInfo.InvariantCulture), typeof(object));
            return table.CreateDataReader();
        }

        private void Keep(DbCommand command)
        {
            lock (_statements) _statements.Add(command.CommandText);
        }

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Keep(command);
            return InterceptionResult<DbDataReader>.SuppressWithResult(NoRows());
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Keep(command);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Keep(command);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
            InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection, eventData.IsolationLevel));

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarting(connection, eventData, result));

        private sealed class NoTransaction(DbConnection connection, System.Data.IsolationLevel level) : DbTransaction
        {
            public override System.Data.IsolationLevel IsolationLevel => level;
            protected override DbConnection DbConnection => connection;

            public override void Commit()
            {
            }

            public override void Rollback()
            {
            }
        }
    }
}
