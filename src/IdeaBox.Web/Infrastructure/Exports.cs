using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Downloads. CSV: UTF-8 with a byte-order mark and ";" separators, so that French Excel opens it in
/// columns, written with CsvHelper. Excel: .xlsx written with MiniExcel. In both, a text that a
/// spreadsheet would take for a formula (a title such as <c>=HYPERLINK(…)</c>) starts with an
/// apostrophe, so that it is shown as text and never run (OWASP's advice against CSV injection).
/// </summary>
public static class Exports
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download, written as its rows are read (CSV straight to the response; .xlsx through a temporary file).</summary>
    public static IActionResult File(TableExport table, ExportFormat format) =>
        format == ExportFormat.Xlsx
            ? new StreamedFile(table, table.FileName + ".xlsx", XlsxType, WriteXlsxAsync)
            : new StreamedFile(table, table.FileName + ".csv", CsvType, WriteCsvAsync);

    public static async Task WriteCsvAsync(TableExport table, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.CurrentCulture) { Delimiter = ";" });
        foreach (var header in table.Headers) csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            foreach (var value in row) csv.WriteField(Format(value));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>
    /// MiniExcel writes rows as it enumerates them, but synchronously: it writes to a temporary file on a
    /// worker thread, which is then copied to <paramref name="output"/>. Memory stays flat either way.
    /// </summary>
    public static async Task WriteXlsxAsync(TableExport table, Stream output, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ideabox-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await Task.Run(() =>
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                file.SaveAs(Records(table, ct), printHeader: true, sheetName: "IdeaBox", excelType: ExcelType.XLSX);
            }, ct);
            await using var written = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await written.CopyToAsync(output, ct);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Records(TableExport table, CancellationToken ct)
    {
        var any = false;
        foreach (var row in table.Rows.ToBlockingEnumerable(ct))
        {
            any = true;
            var record = new Dictionary<string, object?>(table.Headers.Count);
            for (var i = 0; i < table.Headers.Count; i++) record[table.Headers[i]] = i < row.Count ? Cell(row[i]) : null;
            yield return record;
        }
        // An empty table still has its header row.
        if (!any) yield return table.Headers.ToDictionary(h => h, _ => (object?)null);
    }

    /// <summary>A download written to the response as it is produced, with the headers of a file.</summary>
    private sealed class StreamedFile(TableExport table, string fileName, string contentType,
        Func<TableExport, Stream, CancellationToken, Task> write) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = contentType;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
            await write(table, response.Body, context.HttpContext.RequestAborted);
        }
    }

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A text as a spreadsheet must show it: with a leading apostrophe when it starts like a formula.</summary>
    public static string Defused(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>Numbers in the user's culture (a decimal comma in French); dates as ISO days; texts defused.</summary>
    private static string Format(object? value) => value switch
    {
        string text => Defused(text),
        null => "",
        double d => d.ToString("0.##", CultureInfo.CurrentCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Excel keeps numbers as numbers; dates as text in ISO form.</summary>
    private static object? Cell(object? value) => value switch
    {
        string text => Defused(text),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d => Math.Round(d, 2),
        _ => value,
    };
}
