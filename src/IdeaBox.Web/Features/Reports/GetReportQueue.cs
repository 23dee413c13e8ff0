namespace IdeaBox.Web.Features.Reports;

/// <summary>What waits for a moderator's decision: each reported entry or comment, with how many people reported it and why.</summary>
[Requires(Permissions.Moderate)]
public sealed record GetReportQueue : IQuery<IReadOnlyList<ReportedContent>>
{
    public const int Max = 100;
}

/// <param name="Excerpt">The entry's title, or the start of the comment.</param>
public sealed record ReportedContent(int EntryId, int? CommentId, string EntryTitle, string? Excerpt, int Reporters, DateTime Latest,
    IReadOnlyList<(ReportReason Reason, int Count)> Reasons, IReadOnlyList<string> Details, bool IsHidden);

public sealed class GetReportQueueHandler(IdeaBoxDb db) : IQueryHandler<GetReportQueue, IReadOnlyList<ReportedContent>>
{
    public async ValueTask<IReadOnlyList<ReportedContent>> Handle(GetReportQueue query, CancellationToken ct)
    {
        var pending = await db.Reports.AsNoTracking().Where(r => r.ResolvedAt == null)
            .Select(r => new { r.EntryId, r.CommentId, r.Reason, r.Details, r.CreatedAt }).ToListAsync(ct);
        var groups = pending.GroupBy(r => (r.EntryId, r.CommentId))
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(r => r.CreatedAt)).Take(GetReportQueue.Max).ToList();
        var entryIds = groups.Select(g => g.Key.EntryId).Distinct().ToList();
        var commentIds = groups.Where(g => g.Key.CommentId is not null).Select(g => g.Key.CommentId!.Value).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Status }).ToDictionaryAsync(e => e.Id, ct);
        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Body, c.HiddenAt }).ToDictionaryAsync(c => c.Id, ct);
        return groups.Where(g => entries.ContainsKey(g.Key.EntryId)).Select(g =>
        {
            var entry = entries[g.Key.EntryId];
            var comment = g.Key.CommentId is { } id ? comments.GetValueOrDefault(id) : null;
            var excerpt = comment is null ? null : comment.Body.Length > 200 ? comment.Body[..200] + "…" : comment.Body;
            return new ReportedContent(g.Key.EntryId, g.Key.CommentId, entry.Title, excerpt, g.Count(), g.Max(r => r.CreatedAt),
                g.GroupBy(r => r.Reason).OrderByDescending(r => r.Count()).Select(r => (r.Key, r.Count())).ToList(),
                g.Select(r => r.Details).OfType<string>().ToList(),
                comment is not null ? comment.HiddenAt is not null : entry.Status == EntryStatus.Hidden);
        }).ToList();
    }
}
