using Microsoft.Data.Sqlite;

namespace IdeaBox.Web.Infrastructure.CommandLine;

/// <summary>
/// <c>backup --to FILE</c>: a consistent copy of the embedded SQLite database, taken with SQLite's online backup
/// while the app keeps running (writers wait a moment, nobody is stopped), then checked (<c>PRAGMA
/// integrity_check</c>). To restore: stop the app, put the copy in the database's place (removing the old file's
/// <c>-wal</c> and <c>-shm</c>), start it. SQL Server is backed up by the server (<c>BACKUP DATABASE</c>, README "Production").
/// Any other argument configures the host as usual (<c>--ConnectionStrings:IdeaBox …</c>).
/// </summary>
public sealed class BackupCommand(string? target, string[] hostArgs)
{
    public const string Usage = "Usage: backup --to <file>";

    public string[] HostArgs { get; } = hostArgs;

    /// <summary>The command in <paramref name="args"/>, or null when it is not a backup.</summary>
    public static BackupCommand? Parse(string[] args)
    {
        if (args is not ["backup", ..]) return null;
        var rest = args[1..].ToList();
        var at = rest.IndexOf("--to");
        string? target = null;
        if (at >= 0 && at + 1 < rest.Count)
        {
            target = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        return new BackupCommand(target, [.. rest]);
    }

    /// <summary>0 when the copy is made and sound; 1 when it could not be; 2 for a usage error or SQL Server.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("This database is SQL Server: back it up with the server (BACKUP DATABASE; see README, \"Production\").");
            return 2;
        }
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"{path} exists: choose a new file, a backup never overwrites one.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                await output.WriteLineAsync($"The copy at {path} failed its integrity check: {result}");
                return 1;
            }
        }
        await output.WriteLineAsync($"Backed up to {path} ({new FileInfo(path).Length:N0} bytes, integrity checked).");
        return 0;
    }
}
