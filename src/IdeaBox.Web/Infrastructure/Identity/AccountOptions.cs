using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>The "Accounts" section of the configuration: how people get in.</summary>
public sealed class AccountOptions
{
    /// <summary>Whether people may sign in with an e-mail and a password; off, the login page shows only the organisation's sign-in.</summary>
    public bool LocalSignIn { get; set; } = true;

    /// <summary>Moderators, leadership and administrators who sign in with a password must use a second factor (an authenticator app).</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>How long the link of an invitation (or of the first administrator) stays valid.</summary>
    [Range(1, 90)]
    public int InvitationDays { get; set; } = 7;

    /// <summary>How long the link of a forgotten password stays valid.</summary>
    [Range(1, 72)]
    public int PasswordResetHours { get; set; } = 2;

    /// <summary>A session ends after this long without a request.</summary>
    [Range(1, 1440)]
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after its sign-in, however active.</summary>
    [Range(1, 720)]
    public int SessionAbsoluteHours { get; set; } = 12;

    /// <summary>"Remember me" lets a session stay idle this long (never past <see cref="SessionAbsoluteHours"/>), and survive closing the browser.</summary>
    [Range(1, 8760)]
    public int RememberMeIdleHours { get; set; } = 12;

    /// <summary>How long the security log is kept before it is purged.</summary>
    [Range(1, 120)]
    public int SecurityLogMonths { get; set; } = 13;
}
