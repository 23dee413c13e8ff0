using Microsoft.EntityFrameworkCore.Metadata;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Claiming work shared by several nodes without an exception: a row is inserted unless its key is already
/// there, in one statement, and the caller learns which happened. A node that loses the race for a digest
/// is not an error; catching a unique violation made EF Core log one, with its stack trace, per row.
/// </summary>
public static class InsertOnce
{
    /// <summary>Inserts <paramref name="row"/> (whose key is given, not generated); false when a row with its key exists.</summary>
    public static async Task<bool> InsertOnceAsync<T>(this IdeaBoxDb db, T row, CancellationToken ct) where T : class
    {
        var (sql, values) = Statement(db, row);
        return await db.Database.ExecuteSqlRawAsync(sql, values, ct) == 1;
    }

    /// <summary>The statement for the provider in use, with its parameters in order ({0}, {1}…).</summary>
    public static (string Sql, object[] Values) Statement<T>(IdeaBoxDb db, T row) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Name: p.GetColumnName(store)!, p.IsPrimaryKey(),
                Value: p.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(p.PropertyInfo!.GetValue(row)) : p.PropertyInfo!.GetValue(row)))
            .ToList();
        var values = columns.Select(c => c.Value ?? DBNull.Value).ToArray();
        var names = columns.Select(c => c.Name).ToList();
        var placeholders = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        if (db.Database.IsSqlServer())
        {
            // The range lock holds the key from the check to the insert: a second node waits, then inserts nothing.
            var keyMatch = string.Join(" AND ", columns.Select((c, i) => (c, i)).Where(x => x.c.Item2).Select(x => $"[{x.c.Name}] = {{{x.i}}}"));
            return ($"INSERT INTO [{table}] ({string.Join(", ", names.Select(n => $"[{n}]"))}) SELECT {placeholders} " +
                $"WHERE NOT EXISTS (SELECT 1 FROM [{table}] WITH (UPDLOCK, HOLDLOCK) WHERE {keyMatch})", values);
        }
        // Only a taken key is ignored; any other constraint still fails.
        return ($"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({placeholders}) ON CONFLICT DO NOTHING", values);
    }
}
