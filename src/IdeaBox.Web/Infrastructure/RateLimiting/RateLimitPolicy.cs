namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>What a limit protects: each has its own budget per user and per address (<see cref="RateLimitOptions"/>).</summary>
public enum RateLimitPolicy
{
    SignIn,
    Submit,
    Comment,
    Vote,
    Search,
    Export,
    Similar,
    Import,
}
