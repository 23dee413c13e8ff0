using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// The "RateLimits" section of the configuration. Budgets are generous for a person at a desk and
/// tight for a script; an address stands for a whole office behind one proxy, hence its larger budgets.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Posting the sign-in, second-factor, forgotten- and new-password forms, per address.</summary>
    public RateLimitRule SignIn { get; set; } = RateLimitRule.Of(0, 60, 60);

    public RateLimitRule Submit { get; set; } = RateLimitRule.Of(10, 300, 3600);

    /// <summary>Every comment notifies the entry's author and followers: a script must not mail them a thousand times.</summary>
    public RateLimitRule Comment { get; set; } = RateLimitRule.Of(20, 600, 600);

    public RateLimitRule Vote { get; set; } = RateLimitRule.Of(60, 1200, 60);

    /// <summary>The list and its full-text search.</summary>
    public RateLimitRule Search { get; set; } = RateLimitRule.Of(120, 2400, 60);

    /// <summary>Every download: lists, plan, dashboard tables, security log, personal data.</summary>
    public RateLimitRule Export { get; set; } = RateLimitRule.Of(20, 200, 600);

    public RateLimitRule Similar { get; set; } = RateLimitRule.Of(120, 2400, 60);

    public RateLimitRule Import { get; set; } = RateLimitRule.Of(20, 100, 600);

    /// <summary>Failed sign-ins for one account from one address, in <see cref="AccountWindowMinutes"/>: below <see cref="FailuresBeforeLockout"/>, so that one address can never lock someone out.</summary>
    [Range(1, 1000)]
    public int AttemptsPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failed sign-ins for one account, from anywhere, in <see cref="AccountWindowMinutes"/>, before it is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 1000)]
    public int FailuresBeforeLockout { get; set; } = 10;

    [Range(1, 1440)]
    public int AccountWindowMinutes { get; set; } = 15;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    public RateLimitRule For(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.SignIn => SignIn,
        RateLimitPolicy.Submit => Submit,
        RateLimitPolicy.Comment => Comment,
        RateLimitPolicy.Vote => Vote,
        RateLimitPolicy.Search => Search,
        RateLimitPolicy.Export => Export,
        RateLimitPolicy.Similar => Similar,
        RateLimitPolicy.Import => Import,
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };
}
