namespace IdeaBox.Tests.Infrastructure;

/// <summary>A frozen clock: every test starts at <see cref="Start"/> and moves time itself.</summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Wednesday 25 November 2026, 10:00 UTC (11:00 in Brussels).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = Start;

    public override DateTimeOffset GetUtcNow() => _now;

    public DateTime UtcNow => _now.UtcDateTime;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>The Brussels calendar day of now (calls for contributions count in days).</summary>
    public DateOnly Today => IdeaBox.Web.Infrastructure.Display.LocalDay(_now.UtcDateTime);
}
