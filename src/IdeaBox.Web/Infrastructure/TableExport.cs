namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// A table to download: its file name (without extension), its localised headers and its rows. The rows
/// are read as they are written, so a large export streams from the database to the response.
/// </summary>
public sealed record TableExport(string FileName, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>A table already in memory (the dashboard's, the plan's…).</summary>
    public TableExport(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        : this(fileName, headers, rows.ToAsyncEnumerable())
    {
    }
}
