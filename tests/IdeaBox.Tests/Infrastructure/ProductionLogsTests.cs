using System.Text.Json;
using IdeaBox.Tests.MultiNode;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// In Production the app writes one JSON object per log line, and a request's lines carry the trace id the load
/// balancer sent (W3C traceparent): an operator follows one request from the proxy through every node's logs.
/// </summary>
public sealed class ProductionLogsTests
{
    [Fact]
    public async Task Production_logs_are_json_lines_carrying_the_trace_id_the_proxy_sent()
    {
        var folder = Directory.CreateTempSubdirectory("ideabox-logs-").FullName;
        try
        {
            await using var node = Node.Start("production", folder,
            [
                "--environment", "Production", "--contentRoot", AppContext.BaseDirectory,
                "--ConnectionStrings:IdeaBox", $"Data Source={Path.Combine(folder, "ideabox.db")}",
                "--Email:Mode", "None", "--Organisation:AccessibilityContact", "accessibilite@finances.belgium.be",
                // Plain HTTP on loopback here; behind the real proxy it stays on.
                "--Security:RequireHttps", "false",
                // Each request's start and end, so that a request of the test is logged without provoking an error.
                "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information",
            ]);
            await node.WaitReadyAsync();

            const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            using var http = new HttpClient { BaseAddress = node.Address };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

            // The end of the request is logged just after the answer: wait for it.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            List<JsonElement> lines;
            do
            {
                await Task.Delay(100);
                lines = [.. node.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l).RootElement)];
            }
            while (!lines.Any(Finished) && DateTime.UtcNow < deadline);

            // Every line is a JSON object (JsonDocument.Parse above throws otherwise) with a UTC timestamp and a level.
            Assert.All(lines, l => Assert.EndsWith("Z", l.GetProperty("Timestamp").GetString()));
            var mine = lines.Where(l => l.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics"
                && l.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId)).ToList();
            Assert.Equal(2, mine.Count);
            Assert.Contains("/Account/Login", mine[0].GetProperty("Message").GetString());
            Assert.True(Finished(mine[1]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static bool Finished(JsonElement line) => line.GetProperty("Message").GetString()!.StartsWith("Request finished", StringComparison.Ordinal);
    }
}
