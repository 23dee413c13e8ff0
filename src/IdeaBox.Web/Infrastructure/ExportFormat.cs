namespace IdeaBox.Web.Infrastructure;

/// <summary>The two download formats of every table.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}
