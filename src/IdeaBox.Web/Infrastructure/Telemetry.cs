using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// IdeaBox's own measurements, on the "IdeaBox" meter: commands handled (by name and outcome: entries
/// submitted, votes, comments…), e-mails sent and failed, digest runs, and cache lookups (hit or miss) from
/// which a dashboard draws the hit ratio.
/// </summary>
public sealed class IdeaBoxMetrics
{
    public const string MeterName = "IdeaBox";

    private readonly Counter<long> _commands;
    private readonly Counter<long> _emails;
    private readonly Counter<long> _digestRuns;
    private readonly Counter<long> _cacheLookups;

    public IdeaBoxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("ideabox.commands", "{command}", "Commands handled, by name and outcome (ok, refused, failed).");
        _emails = meter.CreateCounter<long>("ideabox.emails", "{email}", "E-mails handed to the transport, by outcome (sent, failed).");
        _digestRuns = meter.CreateCounter<long>("ideabox.digest.runs", "{run}", "Runs of the weekly digest and the daily summary that had recipients.");
        _cacheLookups = meter.CreateCounter<long>("ideabox.cache.lookups", "{lookup}", "Cache lookups, by cache and result (hit, miss).");
    }

    public void Command(string name, string outcome) =>
        _commands.Add(1, new KeyValuePair<string, object?>("command", name), new KeyValuePair<string, object?>("outcome", outcome));

    public void Email(bool sent) => _emails.Add(1, new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void DigestRun(string kind) => _digestRuns.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void CacheLookup(string cache, bool hit) =>
        _cacheLookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
}

/// <summary>Counts every command by name and outcome; queries are left to the request metrics.</summary>
public sealed class MetricsBehavior<TMessage, TResponse>(IdeaBoxMetrics metrics) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsCommand = typeof(TMessage).GetInterfaces()
        .Any(i => i == typeof(ICommand) || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!IsCommand) return await next(message, cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            metrics.Command(typeof(TMessage).Name, "ok");
            return response;
        }
        catch (Exception ex) when (ex is ValidationFailedException or ConflictException or NotFoundException or ForbiddenException)
        {
            metrics.Command(typeof(TMessage).Name, "refused");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Command(typeof(TMessage).Name, "failed");
            throw;
        }
    }
}

/// <summary>Counts what the transport sends and what it fails to send.</summary>
public sealed class CountingMailTransport(Email.IMailTransport inner, IdeaBoxMetrics metrics) : Email.IMailTransport
{
    public async Task SendAsync(Email.OutgoingEmail email, CancellationToken ct)
    {
        try
        {
            await inner.SendAsync(email, ct);
            metrics.Email(sent: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Email(sent: false);
            throw;
        }
    }
}

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, EF Core, HTTP client, runtime, IdeaBox's meter), exported by
/// OTLP when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Telemetry:OtlpEndpoint</c>);
/// without one nothing listens, and nothing is spent. In Production the console logs are JSON, one object per
/// line, with the trace id of the request in their scope.
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddIdeaBoxTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdeaBoxMetrics>();
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } configured ? configured : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["Telemetry:ServiceName"] ?? "ideabox"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(IdeaBoxMetrics.MeterName))
            .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(endpoint));
        return builder;
    }
}
