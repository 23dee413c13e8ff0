using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Respawn;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The database a fixture's host runs on, and how it goes back, before each test, to the state it had once the
/// host had started (migrated, roles created, the first data-protection key). An SQLite file of the fixture's
/// own by default; a database of its own on a real SQL Server when <see cref="SqlServerVariable"/> holds a
/// connection string to one (README, "Tests against SQL Server").
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>A connection string to a SQL Server whose login may create databases (no database name needed).</summary>
    public const string SqlServerVariable = "IDEABOX_TEST_SQLSERVER";

    /// <summary>The value of Database:Provider for the host.</summary>
    public abstract string Provider { get; }

    /// <summary>The value of ConnectionStrings:IdeaBox for the host.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>SQL Server when <paramref name="sqlServer"/> holds a connection string, SQLite otherwise.</summary>
    public static TestDatabase Create(string? sqlServer) =>
        string.IsNullOrWhiteSpace(sqlServer) ? new SqliteTestDatabase() : new SqlServerTestDatabase(sqlServer);

    /// <summary>What the fixtures use: <see cref="SqlServerVariable"/> decides.</summary>
    public static TestDatabase FromEnvironment() => Create(Environment.GetEnvironmentVariable(SqlServerVariable));

    /// <summary>Remembers the database as the started host left it.</summary>
    public abstract Task SnapshotAsync();

    /// <summary>Puts the database back as <see cref="SnapshotAsync"/> found it.</summary>
    public abstract Task RestoreAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A file in the temporary folder; SQLite's backup API copies an in-memory snapshot over it.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ideabox-test-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _snapshot = new("Data Source=:memory:");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_path}";

    public override Task SnapshotAsync()
    {
        _snapshot.Open();
        using var live = Open();
        live.BackupDatabase(_snapshot);
        return Task.CompletedTask;
    }

    public override Task RestoreAsync()
    {
        using var live = Open();
        _snapshot.BackupDatabase(live);
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_path + suffix);
    }
}

/// <summary>
/// A database of the fixture's own on the given server (the host's migrations create it). Before each test,
/// Respawn deletes every row (and reseeds the identity columns); then the rows the started host had written
/// (the migrations' history, the roles, the data-protection key) are copied back with their ids. The database
/// is dropped when the fixture ends.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly List<DataTable> _baseline = [];
    private Respawner? _respawner;

    public SqlServerTestDatabase(string server)
    {
        Name = $"IdeaBoxTest_{Guid.NewGuid():N}";
        _server = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = Name }.ConnectionString;
    }

    /// <summary>The database's name: IdeaBoxTest_ and a new GUID.</summary>
    public string Name { get; }

    public override string Provider => "SqlServer";

    public override string ConnectionString { get; }

    /// <summary>Every table of the dbo schema; the full-text index's own tables are internal and not listed.</summary>
    internal const string TablesStatement = "SELECT t.name FROM sys.tables AS t WHERE t.schema_id = SCHEMA_ID(N'dbo') ORDER BY t.name";

    /// <summary>Drops the database, closing the connections still open on it (the host's pool).</summary>
    internal static string DropStatement(string name) =>
        $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";

    internal static string SelectAllStatement(string table) => $"SELECT * FROM [dbo].[{table.Replace("]", "]]", StringComparison.Ordinal)}]";

    public override async Task SnapshotAsync()
    {
        await using var connection = await OpenAsync(ConnectionString);
        var tables = new List<string>();
        await using (var command = new SqlCommand(TablesStatement, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            var rows = new DataTable(table);
            using (var adapter = new SqlDataAdapter(SelectAllStatement(table), connection)) adapter.Fill(rows);
            // The tables the start-up writes have no foreign keys between them: the order of the copy does not matter.
            if (rows.Rows.Count > 0) _baseline.Add(rows);
        }
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.SqlServer,
            SchemasToInclude = ["dbo"],
            WithReseed = true,
        });
    }

    public override async Task RestoreAsync()
    {
        await using var connection = await OpenAsync(ConnectionString);
        await _respawner!.ResetAsync(connection);
        foreach (var rows in _baseline)
        {
            using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints, null)
            {
                DestinationTableName = $"[dbo].[{rows.TableName}]",
            };
            await copy.WriteToServerAsync(rows);
        }
    }

    private static async Task<SqlConnection> OpenAsync(string connectionString)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await using var connection = await OpenAsync(_server);
        await using var command = new SqlCommand(DropStatement(Name), connection);
        await command.ExecuteNonQueryAsync();
    }
}
