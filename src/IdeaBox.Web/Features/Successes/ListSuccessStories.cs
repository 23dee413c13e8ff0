using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Web.Features.Successes;

/// <summary>The success stories on show, newest first (all of them, or those featured since a date), for the home page and the printable page.</summary>
[AnySignedInUser]
public sealed record ListSuccessStories(int? Take = null) : IQuery<IReadOnlyList<SuccessStoryView>>;

public sealed record SuccessStoryView(LinkedEntry Entry, string WhatChanged, string ContactUnit, DateTime FeaturedAt, IReadOnlyList<PlanItem> Projects);

public sealed class ListSuccessStoriesHandler(IdeaBoxDb db) : IQueryHandler<ListSuccessStories, IReadOnlyList<SuccessStoryView>>
{
    public async ValueTask<IReadOnlyList<SuccessStoryView>> Handle(ListSuccessStories query, CancellationToken ct) =>
        await SuccessStories.LoadAsync(db, since: null, query.Take, ct);
}

public static class SuccessStories
{
    /// <summary>Stories whose entry is still listed (hidden wins), with the projects that carried it.</summary>
    public static async Task<IReadOnlyList<SuccessStoryView>> LoadAsync(IdeaBoxDb db, DateTime? since, int? take, CancellationToken ct)
    {
        var stories = db.SuccessStories.AsNoTracking()
            .Join(db.Entries.Where(EntryRules.Listed), s => s.EntryId, e => e.Id, (s, e) => new { Story = s, Entry = e });
        if (since is { } from) stories = stories.Where(x => x.Story.FeaturedAt >= from);
        var ordered = stories.OrderByDescending(x => x.Story.FeaturedAt).ThenByDescending(x => x.Story.Id);
        var rows = await (take is { } n ? ordered.Take(n) : ordered)
            .Select(x => new
            {
                Entry = new LinkedEntry(x.Entry.Id, x.Entry.Kind, x.Entry.Title, x.Entry.Status, x.Entry.VoteCount),
                x.Story.WhatChanged, ContactUnit = x.Story.ContactUnit!.Name, x.Story.FeaturedAt,
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Entry.Id).ToList();
        var carriers = (await db.ProjectEntries.AsNoTracking().Where(pe => ids.Contains(pe.EntryId)).Select(pe => new { pe.EntryId, pe.ProjectId }).ToListAsync(ct))
            .ToLookup(x => x.EntryId, x => x.ProjectId);
        var tree = carriers.Count > 0 ? await PlanLoader.LoadAsync(db, ct) : new PlanTree([]);
        return rows.Select(r => new SuccessStoryView(r.Entry, r.WhatChanged, r.ContactUnit, r.FeaturedAt,
            carriers[r.Entry.Id].Select(tree.Find).OfType<PlanItem>().ToList())).ToList();
    }
}
