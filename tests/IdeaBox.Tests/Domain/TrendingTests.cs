namespace IdeaBox.Tests.Domain;

public sealed class TrendingTests
{
    private static readonly Trending Trending = new(TimeSpan.FromDays(7));
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Trending_order_equals_a_brute_force_recomputation_of_the_decayed_sum()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            // Random vote histories over six months, some votes withdrawn along the way.
            var entries = Enumerable.Range(0, 25).Select(_ =>
            {
                var votes = Enumerable.Range(0, random.Next(0, 40))
                    .Select(_ => Start.AddMinutes(random.Next(0, 180 * 24 * 60)))
                    .Order().ToList();
                var score = Trending.NoVotes;
                var kept = new List<DateTime>();
                foreach (var vote in votes)
                {
                    score = Trending.AddVote(score, vote);
                    kept.Add(vote);
                    if (random.NextDouble() < 0.2)
                    {
                        var withdrawn = kept[random.Next(kept.Count)];
                        kept.Remove(withdrawn);
                        score = Trending.RemoveVote(score, withdrawn, kept.Count) ?? Trending.Recompute(kept);
                    }
                }
                return (Score: score, Votes: kept);
            }).ToList();

            var now = Start.AddDays(181);
            var byScore = entries.OrderByDescending(e => e.Score).Select(e => Trending.DecayedSum(e.Votes, now)).ToList();
            var byBruteForce = entries.Select(e => Trending.DecayedSum(e.Votes, now)).OrderDescending().ToList();
            Assert.Equal(byBruteForce.Count, byScore.Count);
            for (var i = 0; i < byScore.Count; i++)
                Assert.Equal(byBruteForce[i], byScore[i], 1e-9 * Math.Max(1, byBruteForce[i]));
        }
    }

    [Fact]
    public void A_withdrawn_vote_takes_back_exactly_its_own_contribution()
    {
        var votes = new[] { Start, Start.AddDays(3), Start.AddDays(10) };
        var score = Trending.Recompute(votes);
        var after = Trending.RemoveVote(score, votes[1], 2);
        Assert.NotNull(after);
        Assert.Equal(Trending.Recompute([votes[0], votes[2]]), after!.Value, 9);
    }

    [Fact]
    public void Removing_the_last_vote_returns_to_no_votes()
    {
        var score = Trending.AddVote(Trending.NoVotes, Start);
        Assert.Equal(Trending.NoVotes, Trending.RemoveVote(score, Start, 0));
    }

    [Fact]
    public void A_recent_vote_outweighs_an_old_one_by_the_half_life()
    {
        var old = Trending.AddVote(Trending.NoVotes, Start);
        var recent = Trending.AddVote(Trending.NoVotes, Start.AddDays(7));
        Assert.Equal(1.0, recent - old, 9);
    }

    [Fact]
    public void Scores_stay_finite_decades_from_now()
    {
        var score = Trending.NoVotes;
        for (var year = 0; year < 200; year++)
            score = Trending.AddVote(score, Start.AddYears(year));
        Assert.True(double.IsFinite(score));
        Assert.True(score > Trending.AddVote(Trending.NoVotes, Start.AddYears(198)));
    }
}
