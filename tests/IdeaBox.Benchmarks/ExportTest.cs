namespace IdeaBox.Benchmarks;

/// <summary>
/// Whether exports stream: the app's resident memory is sampled every 20 ms while a leader downloads
/// the whole list (up to 100,000 entries) and a small part of it, as CSV and as Excel, one after the
/// other. A streamed export grows the process by about the same for 1,000 rows as for 100,000; a
/// buffered one grows with the rows. Above <c>Jobs:DirectExportRows</c> the file is written by a background job
/// into memory and the database, then downloaded: that growth is measured here too.
/// </summary>
public static class ExportTest
{
    public static async Task<int> RunAsync(string database, int port)
    {
        await using var app = await BenchApp.StartAsync(database, port);
        // Warm up the pages and the export code paths with a small export of each kind.
        await app.Expect200Async("/Entries");
        foreach (var format in new[] { "Csv", "Xlsx" })
            await app.Expect200Async($"/Entries?handler=Export&format={format}&q=badge&sort=Newest");

        Console.WriteLine($"{"export",-26} {"rows",8} {"MiB sent",9} {"seconds",8} {"RSS before",11} {"RSS peak",9} {"growth MiB",11}");
        var growth = new Dictionary<string, double>();
        foreach (var (name, query) in new[] { ("one theme, unit 2", "unit=2&kind=Idea"), ("the whole list", "") })
            foreach (var format in new[] { "Csv", "Xlsx" })
            {
                var label = $"{name} ({format})";
                var (rows, bytes, seconds, before, peak) = await MeasureAsync(app, $"/Entries?handler=Export&format={format}&sort=Newest&{query}", format);
                growth[label] = peak - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label,-26} {(rows < 0 ? "—" : rows.ToString(CultureInfo.InvariantCulture)),8} {bytes / 1048576d,9:0.0} {seconds,8:0.0} {before,11:0} {peak,9:0} {peak - before,11:0}"));
            }
        return 0;
    }

    private static async Task<(int Rows, long Bytes, double Seconds, double Before, double Peak)> MeasureAsync(BenchApp app, string url, string format)
    {
        // A full collection first, in the app: not possible from here, so the baseline is taken after a pause.
        await Task.Delay(2000);
        var before = app.ResidentMib();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, app.ResidentMib());
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        var response = await app.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        // A long list is written by a background job (Jobs:DirectExportRows): follow its progress, then take its file.
        if (response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location is { } job)
        {
            response.Dispose();
            while (!(await app.Http.GetStringAsync($"{job}?handler=Status")).Contains("\"finished\":true", StringComparison.Ordinal))
                await Task.Delay(200);
            response = await app.Http.GetAsync($"{job}?handler=Download", HttpCompletionOption.ResponseHeadersRead);
        }
        using var _ = response;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        // Read as a browser saves it: in pieces, counting lines for the CSV.
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        var lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            if (format == "Csv") lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        return (format == "Csv" ? lines - 1 : -1, bytes, clock.Elapsed.TotalSeconds, before, peak);
    }
}
