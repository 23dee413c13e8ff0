using System.Linq.Expressions;

namespace IdeaBox.Domain;

/// <summary>Which entries a duplicate can be merged into: open ones only.</summary>
public static class MergeRules
{
    /// <summary>Not declined, merged, done or hidden.</summary>
    private static readonly EntryStatus[] OpenStatuses = [EntryStatus.Submitted, EntryStatus.UnderReview, EntryStatus.Accepted, EntryStatus.InPlan];

    public static bool CanReceive(EntryStatus status) => OpenStatuses.Contains(status);

    /// <summary>The same rule for the queries that look for targets.</summary>
    public static Expression<Func<Entry, bool>> Receivers { get; } = e => OpenStatuses.Contains(e.Status);
}
