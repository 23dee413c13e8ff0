namespace IdeaBox.Domain;

/// <summary>
/// An e-mail the mail server refused or did not answer for: kept whole, tried again later with a growing delay,
/// and listed for administrators. It is deleted once sent; <see cref="NextAttemptAt"/> is null once given up.
/// </summary>
public sealed class MailRetry
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 400;
    public const int ErrorMaxLength = 500;

    /// <summary>Tries in all, the first (failed) sending included, before the message is given up.</summary>
    public const int MaxAttempts = 5;

    public int Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Culture { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastAttemptAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string LastError { get; set; } = "";

    /// <summary>The wait after <paramref name="attempts"/> failed tries: 1 min, 5 min, 30 min, 2 h.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(2),
    };

    /// <summary>Counts a failed try: the next one after the backoff, or none once <see cref="MaxAttempts"/> are spent.</summary>
    public void Failed(DateTime now, string error)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : now + Backoff(Attempts);
    }
}
