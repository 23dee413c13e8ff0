namespace IdeaBox.Web.Infrastructure;

/// <summary>A table to download: its file name (without extension), its localised headers and its rows.</summary>
public sealed record TableExport(string FileName, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);
