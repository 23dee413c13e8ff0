using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Web.Features.Plan;

/// <summary>What the plan does to entries: an entry whose projects are all done is done.</summary>
public sealed class PlanEffects(IdeaBoxDb db, EntryMoves moves)
{
    /// <summary>
    /// After <paramref name="projectId"/> is done: every entry it carries that is in the plan and whose projects are all done
    /// becomes Done (by the system). Objectives that also carry it have no end of their own and do not hold it back.
    /// </summary>
    public async Task CloseFinishedEntriesAsync(int projectId, DateTime now, CancellationToken ct)
    {
        var finished = await db.Entries
            .Where(e => e.Status == EntryStatus.InPlan
                && db.ProjectEntries.Any(pe => pe.ProjectId == projectId && pe.EntryId == e.Id)
                && db.ProjectEntries.Where(pe => pe.EntryId == e.Id && db.PlanNodes.Any(p => p.Id == pe.ProjectId && p.Level == PlanLevel.Project))
                    .All(pe => db.PlanNodes.Any(p => p.Id == pe.ProjectId && p.ProjectStatus == ProjectStatus.Done)))
            .ToListAsync(ct);
        foreach (var entry in finished) await moves.RecordAsync(entry, entry.Complete(now), ct);
    }
}
