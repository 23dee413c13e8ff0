using IdeaBox.Web.Infrastructure.CommandLine;
using Microsoft.Data.Sqlite;

namespace IdeaBox.Tests.Infrastructure;

[Collection(Slices.Name)]
public sealed class BackupCommandTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_backup_taken_under_write_load_holds_every_row_committed_before_it_and_opens_as_a_sound_database()
    {
        var folder = Directory.CreateTempSubdirectory("ideabox-backup-").FullName;
        try
        {
            var author = await Given.AnAgent();
            for (var i = 0; i < 20; i++) await Given.AnEntry(author: author, title: $"Avant la copie {i}");
            using var stop = new CancellationTokenSource();
            var written = 0;
            // Agents keep submitting while the backup runs.
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await Given.AnEntry(author: author, title: $"Pendant la copie {written}");
                    written++;
                }
            }, TestContext.Current.CancellationToken);
            while (written < 5) await Task.Delay(10, TestContext.Current.CancellationToken);

            var committed = await WithDb(db => db.Entries.Select(e => e.Id).ToListAsync());
            var target = Path.Combine(folder, "copie", "ideabox-2026-12-01.db");
            var output = new StringWriter();
            var code = await new BackupCommand(target, []).RunAsync(App.Services, output, TestContext.Current.CancellationToken);
            await stop.CancelAsync();
            await load;
            Assert.True(code == 0, output.ToString());
            Assert.StartsWith($"Backed up to {target}", output.ToString());
            Assert.True(written > 5);

            // Restored: the copy opens on its own, sound, with every entry committed before it and no half-written one.
            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            var ids = new List<long>();
            await using (var read = copy.CreateCommand())
            {
                read.CommandText = "SELECT Id FROM Entries ORDER BY Id";
                await using var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                while (await reader.ReadAsync(TestContext.Current.CancellationToken)) ids.Add(reader.GetInt64(0));
            }
            Assert.Subset(ids.Select(i => (int)i).ToHashSet(), committed.ToHashSet());
            Assert.Equal(ids.Distinct().Count(), ids.Max() - ids.Min() + 1);

            // A second backup to the same file is refused: a backup never overwrites one.
            var again = new StringWriter();
            Assert.Equal(1, await new BackupCommand(target, []).RunAsync(App.Services, again, TestContext.Current.CancellationToken));
            Assert.Contains("never overwrites", again.ToString());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
