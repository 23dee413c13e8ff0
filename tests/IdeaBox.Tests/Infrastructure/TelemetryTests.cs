using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Votes;
using IdeaBox.Web.Infrastructure;
using IdeaBox.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>What an operator's dashboard reads from the "IdeaBox" meter, and the reference a server error gives.</summary>
[Collection(Slices.Name)]
public sealed class TelemetryTests(AppFixture app) : AppTest(app)
{
    /// <summary>The measurements of this app's meter (not another fixture's), as (instrument, tags) → sum.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _sums = new();

        public Recorded(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IdeaBoxMetrics.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key).Select(t => $" {t.Key}={t.Value}"));
                _sums.AddOrUpdate(key, value, (_, sum) => sum + value);
            });
            _listener.Start();
        }

        public long this[string key] => _sums.GetValueOrDefault(key);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Commands_emails_digest_runs_and_cache_lookups_are_counted()
    {
        using var recorded = new Recorded(App.Services.GetRequiredService<IMeterFactory>());
        var agent = await Given.AnAgent();
        var theme = await Given.ATheme();
        var id = await Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Un compteur de télémétrie", "Pour l'exploitation.", [theme.Id], null, false)), agent);
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "", "", [], null, false)), agent));
        await Send(new CastVote(id), await Given.AnAgent());
        await Send(new ListEntries(Text: "télémétrie"), agent);
        await Send(new ListEntries(Text: "télémétrie"), agent);
        await App.Service<WeeklyDigest>().SendDueAsync(CancellationToken.None);
        // The shared cache's lookups, by what is cached: the entry form's options once computed, then served.
        var client = await SignInAsync(agent);
        await client.Get("/Entries/New");
        await client.Get("/Entries/New");

        Assert.Equal(1, recorded["ideabox.commands command=SubmitEntry outcome=ok"]);
        Assert.Equal(1, recorded["ideabox.commands command=SubmitEntry outcome=refused"]);
        Assert.Equal(1, recorded["ideabox.commands command=CastVote outcome=ok"]);
        Assert.Equal((1, 1), (recorded["ideabox.cache.lookups cache=search result=miss"], recorded["ideabox.cache.lookups cache=search result=hit"]));
        Assert.Equal((1, 1), (recorded["ideabox.cache.lookups cache=entry-form-options result=miss"], recorded["ideabox.cache.lookups cache=entry-form-options result=hit"]));
        // Both agents get last week's digest, written to the pickup folder.
        Assert.Equal((1, 2), (recorded["ideabox.digest.runs kind=weekly"], recorded["ideabox.emails outcome=sent"]));
    }

    [Fact]
    public async Task A_server_error_gives_the_reference_that_finds_it_in_the_logs()
    {
        var client = await SignInAsync(await Given.AnAgent());
        var response = await client.Http.GetAsync(FailingEndpoint.Path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await AppClient.Html(response);
        Assert.Matches("^[0-9a-f]{32}$", page.QuerySelector("#error-reference")!.TextContent);
        // A page that is not an error of the server has none.
        var (_, missing) = await client.Get("/Entries/999999");
        Assert.Null(missing.QuerySelector("#error-reference"));
    }
}
