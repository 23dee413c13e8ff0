namespace IdeaBox.Domain;

/// <summary>
/// One line of the security log: what happened to which account, when (UTC), from which address,
/// done by whom. Never a password. Kept for a configurable time (13 months by default), then purged.
/// </summary>
public sealed class SecurityEvent
{
    public const int EmailMaxLength = 256;
    public const int AddressMaxLength = 64;
    public const int DetailMaxLength = 500;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public SecurityEventKind Kind { get; set; }
    /// <summary>The account concerned, when there is one.</summary>
    public int? UserId { get; set; }
    /// <summary>The address typed or concerned (a failed sign-in with an unknown address has no account).</summary>
    public string? Email { get; set; }
    /// <summary>Who did it when it was someone else (an administrator); null when the person themself or the system.</summary>
    public int? ActorId { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>The facts of the event as data: roles ("Expert,Moderator"), a unit id, an export's name.</summary>
    public string? Detail { get; set; }
}
