using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>How many requests of one kind a signed-in person, and one network address, may send in a window; 0 means no limit.</summary>
public sealed class RateLimitRule
{
    [Range(0, 1_000_000)]
    public int PerUser { get; set; }
    [Range(0, 1_000_000)]
    public int PerAddress { get; set; }
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    public static RateLimitRule Of(int perUser, int perAddress, int windowSeconds) =>
        new() { PerUser = perUser, PerAddress = perAddress, WindowSeconds = windowSeconds };
}
