using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace IdeaBox.Web.Infrastructure;

public static class DbErrors
{
    /// <summary>True when a unique index or key refused the row: someone else did the same thing first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067)
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
