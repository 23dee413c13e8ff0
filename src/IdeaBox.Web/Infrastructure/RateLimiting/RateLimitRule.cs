namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>How many requests of one kind a signed-in person, and one network address, may send in a window; 0 means no limit.</summary>
public sealed class RateLimitRule
{
    public int PerUser { get; set; }
    public int PerAddress { get; set; }
    public int WindowSeconds { get; set; } = 60;

    public static RateLimitRule Of(int perUser, int perAddress, int windowSeconds) =>
        new() { PerUser = perUser, PerAddress = perAddress, WindowSeconds = windowSeconds };
}
