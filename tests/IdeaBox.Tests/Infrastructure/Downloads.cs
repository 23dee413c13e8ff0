using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>Reads downloads back the way a spreadsheet would.</summary>
public static class Downloads
{
    /// <summary>The rows of a CSV download, after checking it is UTF-8 with a byte-order mark and ";" separators.</summary>
    public static async Task<List<string[]>> Csv(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
        return rows;
    }
}
