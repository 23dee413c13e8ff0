namespace IdeaBox.Web.Features.Dashboard;

/// <summary>Of the entries submitted in the period: how many were reviewed, accepted, put in the plan and done, and how long the first review took.</summary>
public sealed record Funnel(int Submitted, int Reviewed, int Accepted, int InPlan, int Done, double? MedianHoursToReview, double? P90HoursToReview)
{
    public static async Task<Funnel> ComputeAsync(IdeaBoxDb db, DashboardScope scope, CancellationToken ct)
    {
        var cohort = scope.Entries(db);
        var counts = await cohort.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params EntryStatus[] statuses) => counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Count);
        var reviews = await cohort.Where(e => e.ReviewedAt != null).Select(e => new { e.CreatedAt, e.ReviewedAt }).ToListAsync(ct);
        var hours = reviews.Select(r => (r.ReviewedAt!.Value - r.CreatedAt).TotalHours).Order().ToList();
        return new Funnel(
            Count(Enum.GetValues<EntryStatus>()), hours.Count,
            Count(EntryStatus.Accepted, EntryStatus.InPlan, EntryStatus.Done), Count(EntryStatus.InPlan, EntryStatus.Done), Count(EntryStatus.Done),
            Percentile(hours, 0.5), Percentile(hours, 0.9));
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
