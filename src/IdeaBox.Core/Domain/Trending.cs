namespace IdeaBox.Domain;

/// <summary>
/// The trending score: votes that decay with a half-life. The decayed sum at time T,
/// Σ 2^(−(T − tᵢ)/h), equals 2^(−(T − t₀)/h) · Σ 2^((tᵢ − t₀)/h); the first factor is the same for
/// every entry, so ordering by S = Σ 2^((tᵢ − t₀)/h) orders exactly like the decayed sum, and S
/// changes by one term per vote. S grows without bound over the years, so it is kept in log
/// space: Score = log₂ S, updated with a log-sum-exp that never overflows.
/// </summary>
public sealed class Trending(TimeSpan halfLife)
{
    /// <summary>The score of an entry without votes: far below any real score.</summary>
    public const double NoVotes = -1_000_000d;

    /// <summary>t₀. Any fixed instant works; log space keeps exponents small for centuries.</summary>
    public static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public TimeSpan HalfLife { get; } = halfLife > TimeSpan.Zero
        ? halfLife
        : throw new ArgumentOutOfRangeException(nameof(halfLife), "The half-life must be positive.");

    /// <summary>log₂ of one vote's term: (t − t₀)/h.</summary>
    public double Exponent(DateTime votedAt) => (votedAt - Epoch).TotalSeconds / HalfLife.TotalSeconds;

    /// <summary>The score after adding a vote cast at <paramref name="votedAt"/>. O(1).</summary>
    public double AddVote(double score, DateTime votedAt)
    {
        var x = Exponent(votedAt);
        if (score <= NoVotes) return x;
        var max = Math.Max(score, x);
        return max + Math.Log2(Math.Pow(2, score - max) + Math.Pow(2, x - max));
    }

    /// <summary>
    /// The score after taking back a vote cast at <paramref name="votedAt"/>, or null when the
    /// subtraction would lose precision (the removed vote dominated the sum): the caller then
    /// recomputes from the remaining votes, which is rare.
    /// </summary>
    public double? RemoveVote(double score, DateTime votedAt, int remainingVotes)
    {
        if (remainingVotes <= 0) return NoVotes;
        var remainder = 1 - Math.Pow(2, Exponent(votedAt) - score);
        if (!(remainder > 1e-9)) return null;
        return score + Math.Log2(remainder);
    }

    /// <summary>The score of a set of votes, from scratch.</summary>
    public double Recompute(IEnumerable<DateTime> votes) =>
        votes.Aggregate(NoVotes, AddVote);

    /// <summary>The decayed sum itself at a given time: the definition the score must order like.</summary>
    public double DecayedSum(IEnumerable<DateTime> votes, DateTime at) =>
        votes.Sum(v => Math.Pow(2, -(at - v).TotalSeconds / HalfLife.TotalSeconds));
}
