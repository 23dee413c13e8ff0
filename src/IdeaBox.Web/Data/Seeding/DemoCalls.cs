namespace IdeaBox.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Two clusters of related entries from several units, an open call for contributions (every unit, entries
    /// coming in) and a closed one (two administrations invited, its summary published).
    /// </summary>
    private async Task SeedClustersAndCalls(List<Entry> entries, List<Theme> themes, List<AppUser> users, List<OrgUnit> units, DateTime now, CancellationToken ct)
    {
        var moderator = users[2];
        var listed = entries.Where(e => e.Status is not (EntryStatus.Hidden or EntryStatus.Merged)).ToList();
        foreach (var theme in themes.Take(2))
        {
            var related = listed.Where(e => e.Themes.Contains(theme)).GroupBy(e => e.UnitId).Select(g => g.OrderByDescending(e => e.VoteCount).First())
                .OrderByDescending(e => e.VoteCount).Take(4).ToList();
            if (related.Count < 2) continue;
            var cluster = new Cluster
            {
                Name = $"{theme.Name} : ce qui revient d'un service à l'autre", Summary = "Des contributions proches, venues de services différents, regroupées sans être fusionnées.",
                CreatedById = moderator.Id, CreatedAt = now.AddDays(-6), UpdatedAt = now.AddDays(-6),
            };
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync(ct);
            var ids = related.Select(e => e.Id).ToList();
            await db.Entries.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.ClusterId, cluster.Id), ct);
            db.AuditEvents.AddRange(ids.Select(id => AuditEvent.Clustering(id, moderator.Id, cluster.CreatedAt, cluster.Name, joined: true)));
        }

        var today = Display.LocalDay(now);
        var open = new ContributionCall
        {
            Question = "Qu'est-ce qui vous fait perdre du temps chaque semaine ?",
            Description = "Pendant trois mois, dites-nous ce qui ralentit votre travail et ce qui, chez vous, marche déjà. Chaque contribution sera lue.",
            KindMask = ContributionCall.MaskOf([EntryKind.Idea, EntryKind.Difficulty, EntryKind.Initiative]),
            OpensOn = today.AddDays(-20), ClosesOn = today.AddDays(70), CreatedById = moderator.Id, CreatedAt = now.AddDays(-20), AnnouncedAt = now.AddDays(-20),
        };
        var administrations = units.Where(u => u.ParentId == null).Take(2).ToList();
        var closed = new ContributionCall
        {
            Question = "Comment mieux accueillir les nouveaux collègues ?",
            Description = "Les premières semaines décident souvent de la suite : partagez ce qui a manqué et ce qui a aidé.",
            KindMask = ContributionCall.MaskOf([EntryKind.Idea, EntryKind.Initiative]), InvitedUnits = administrations,
            OpensOn = today.AddDays(-120), ClosesOn = today.AddDays(-30), CreatedById = moderator.Id, CreatedAt = now.AddDays(-120),
            AnnouncedAt = now.AddDays(-120), ClosedAt = now.AddDays(-29),
        };
        db.Calls.AddRange(open, closed);
        db.AuditEvents.Add(AuditEvent.Calling(moderator.Id, open.CreatedAt, open.Question, opened: true));
        db.AuditEvents.Add(AuditEvent.Calling(moderator.Id, closed.CreatedAt, closed.Question, opened: true));
        await db.SaveChangesAsync(ct);

        bool Within(Entry e, ContributionCall call) =>
            Display.LocalDay(e.CreatedAt) >= call.OpensOn && Display.LocalDay(e.CreatedAt) <= call.ClosesOn && call.Seeks(e.Kind) && e.ClusterId is null;
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var openIds = listed.Where(e => Within(e, open)).OrderByDescending(e => e.CreatedAt).Take(12).Select(e => e.Id).ToList();
        var closedIds = listed.Where(e => Within(e, closed) && administrations.Any(a => paths[e.UnitId].StartsWith(a.Path, StringComparison.Ordinal)))
            .OrderByDescending(e => e.VoteCount).Take(15).Select(e => e.Id).ToList();
        await db.Entries.Where(e => openIds.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.CallId, open.Id), ct);
        await db.Entries.Where(e => closedIds.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.CallId, closed.Id), ct);
    }
}
