using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
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

    public static FileContentResult File(TableExport table, ExportFormat format) =>
        format == ExportFormat.Xlsx
            ? new FileContentResult(Xlsx(table), XlsxType) { FileDownloadName = table.FileName + ".xlsx" }
            : new FileContentResult(Csv(table), CsvType) { FileDownloadName = table.FileName + ".csv" };

    public static byte[] Csv(TableExport table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.CurrentCulture) { Delimiter = ";" }))
        {
            foreach (var header in table.Headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var value in row) csv.WriteField(Format(value));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(TableExport table)
    {
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < table.Headers.Count; i++) record[table.Headers[i]] = i < row.Count ? Cell(row[i]) : null;
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0) rows.Add(table.Headers.ToDictionary(h => h, _ => (object?)null));
        stream.SaveAs(rows, printHeader: true, sheetName: "IdeaBox", excelType: ExcelType.XLSX);
        return stream.ToArray();
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
