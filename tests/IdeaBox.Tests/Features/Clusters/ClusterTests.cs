using IdeaBox.Web.Features.Clusters;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Clusters;

/// <summary>Clusters: related entries grouped without merging, their combined support, and their promotion into the plan in one step.</summary>
[Collection(Slices.Name)]
public sealed class ClusterTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_cluster_shows_the_combined_support_of_its_entries_counting_each_person_and_unit_once()
    {
        var (a, b) = (await Given.AUnit("Administration A"), await Given.AUnit("Administration B"));
        var (a1, a2) = (await Given.AUnit("Service A1", a), await Given.AUnit("Service A2", a));
        var printers = await Given.AnEntry(title: "Les imprimantes tombent en panne");
        var toner = await Given.AnEntry(title: "Le toner manque chaque mois");
        var unrelated = await Given.AnEntry(title: "Le parking est plein");
        var moderator = await Given.AModerator();
        var both = await Given.AnAgent(a1);
        foreach (var entry in new[] { printers, toner }) await Send(new CastVote(entry), both);
        await Send(new CastVote(printers), await Given.AnAgent(a1));
        await Send(new CastVote(toner), await Given.AnAgent(a2));
        await Send(new AddComment(toner, null, "Chez nous aussi."), await Given.AnAgent(b));
        await Send(new CastVote(unrelated), await Given.AnAgent(b));

        var cluster = await Send(new CreateCluster("  Matériel d'impression ", "Pannes et consommables", printers), moderator);
        await Send(new AddToCluster(cluster, toner), moderator);

        var view = await Send(new GetCluster(cluster), await Given.AnAgent());
        Assert.Equal("Matériel d'impression", view.Name);
        Assert.Equal([printers, toner], view.Members.Select(m => m.Id).Order());
        // Four votes from three people; voters and the commenter come from three units in two administrations.
        Assert.Equal((4, 3, 3, 2), (view.TotalVotes, view.Support.Voters, view.Support.Units, view.Support.Administrations));
        Assert.Equal(("Service A1", 2), (view.Support.TopUnits[0].Unit, view.Support.TopUnits[0].People));
        Assert.Equal(cluster, (await Send(new GetEntry(toner), both)).Cluster?.Id);
        Assert.Equal([AuditAction.Clustered], (await AuditAsync(toner)).Select(e => e.Action));
        var listed = Assert.Single(await Send(new ListClusters(), both), c => c.Id == cluster);
        Assert.Equal((2, 4), (listed.Entries, listed.TotalVotes));
    }

    [Fact]
    public async Task An_entry_joins_one_cluster_at_most_and_hidden_or_merged_entries_none()
    {
        var moderator = await Given.AModerator();
        var entry = await Given.AnEntry(title: "Formulaires en double");
        var first = await Send(new CreateCluster("Formulaires", null, entry), moderator);
        var second = await Send(new CreateCluster("Simplification", null), moderator);

        var taken = await Assert.ThrowsAsync<ConflictException>(() => Send(new AddToCluster(second, entry), moderator));
        Assert.Equal(("Cluster.InAnother", "EntryId", "Formulaires"), (taken.MessageKey, taken.Field, (string)taken.Arguments[0]));
        Assert.Equal("Cluster.AlreadyMember", (await Assert.ThrowsAsync<ConflictException>(() => Send(new AddToCluster(first, entry), moderator))).MessageKey);
        var hidden = await Given.AnEntry(status: EntryStatus.Hidden);
        Assert.Equal("Cluster.CannotJoin", (await Assert.ThrowsAsync<ConflictException>(() => Send(new AddToCluster(second, hidden), moderator))).MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new AddToCluster(second, 987654), moderator));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new AddToCluster(987654, entry), moderator));
        var agent = await Given.AnAgent();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new AddToCluster(second, entry), agent));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new CreateCluster(" ", new string('x', 1001)), moderator));
        Assert.Equal(["Name", "Summary"], invalid.Errors.Select(e => e.Field));

        await Send(new RemoveFromCluster(first, entry), moderator);
        Assert.Equal("Cluster.NotMember", (await Assert.ThrowsAsync<ConflictException>(() => Send(new RemoveFromCluster(first, entry), moderator))).MessageKey);
        await Send(new AddToCluster(second, entry), moderator);
        await Send(new DeleteCluster(second), moderator);
        Assert.Null((await EntryAsync(entry)).ClusterId);
        Assert.Equal([AuditAction.Clustered, AuditAction.Unclustered, AuditAction.Clustered, AuditAction.Unclustered],
            (await AuditAsync(entry)).Select(e => e.Action));
    }

    [Fact]
    public async Task Promoting_a_cluster_links_every_accepted_entry_to_one_project_and_leaves_the_others()
    {
        var moderator = await Given.AModerator();
        var (_, _, oo) = await Given.APlanBranch();
        var accepted = await Given.AnEntry(status: EntryStatus.Accepted, title: "Délais de paiement des fournisseurs");
        var inPlan = await Given.AnEntry(status: EntryStatus.Accepted, title: "Factures perdues");
        var submitted = await Given.AnEntry(title: "Bons de commande papier");
        var cluster = await Send(new CreateCluster("Chaîne de paiement", null, accepted), moderator);
        await Send(new AddToCluster(cluster, inPlan), moderator);
        await Send(new AddToCluster(cluster, submitted), moderator);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new PromoteCluster(cluster, null, null, null), moderator));
        Assert.Equal("OperationalObjectiveId", Assert.Single(invalid.Errors).Field);
        Assert.Empty(await WithDb(db => db.PlanNodes.Where(n => n.Title == "Chaîne de paiement").ToListAsync()));

        var done = await Send(new PromoteCluster(cluster, null, oo, null), moderator);
        var project = await WithDb(db => db.PlanNodes.SingleAsync(n => n.Id == done.NodeId));
        Assert.Equal(("Chaîne de paiement", PlanLevel.Project, oo), (project.Title, project.Level, project.ParentId));
        Assert.Equal((2, 1), (done.Linked, done.Skipped));
        Assert.Equal([accepted, inPlan], await WithDb(db => db.ProjectEntries.Where(pe => pe.ProjectId == done.NodeId).Select(pe => pe.EntryId).Order().ToListAsync()));
        Assert.Equal(EntryStatus.InPlan, (await EntryAsync(accepted)).Status);
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(submitted)).Status);
        Assert.Equal(done.NodeId, Assert.Single((await Send(new GetCluster(cluster), moderator)).Plan).NodeId);

        // Again to the same project: nothing left to link.
        Assert.Equal("ProjectId", Assert.Single((await Assert.ThrowsAsync<ValidationFailedException>(
            () => Send(new PromoteCluster(cluster, done.NodeId, null, null), moderator))).Errors).Field);
        var onlySubmitted = await Send(new CreateCluster("Rien d'accepté", null, await Given.AnEntry()), moderator);
        Assert.Equal("Cluster.NoneCanEnterPlan", (await Assert.ThrowsAsync<ConflictException>(() => Send(new PromoteCluster(onlySubmitted, done.NodeId, null, null), moderator))).MessageKey);
    }

    [Fact]
    public async Task Candidates_are_suggested_from_similar_titles_or_found_by_words_and_exclude_grouped_and_hidden_entries()
    {
        var moderator = await Given.AModerator();
        var member = await Given.AnEntry(title: "Télétravail : connexion VPN instable");
        var alike = await Given.AnEntry(title: "Connexion VPN instable le lundi");
        var hidden = await Given.AnEntry(status: EntryStatus.Hidden, title: "Connexion VPN instable en réunion");
        var other = await Given.AnEntry(title: "Cantine fermée");
        var grouped = await Given.AnEntry(title: "VPN instable pour les stagiaires");
        var cluster = await Send(new CreateCluster("Réseau à distance", null, member), moderator);
        await Send(new CreateCluster("Stagiaires", null, grouped), moderator);

        var suggested = (await Send(new FindClusterCandidates(cluster, null), moderator)).Select(s => s.Id).ToList();
        Assert.Contains(alike, suggested);
        Assert.DoesNotContain(hidden, suggested);
        Assert.DoesNotContain(grouped, suggested);
        Assert.DoesNotContain(member, suggested);
        Assert.Equal([other], (await Send(new FindClusterCandidates(cluster, "cantine"), moderator)).Select(s => s.Id));
        var agent = await Given.AnAgent();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new FindClusterCandidates(cluster, null), agent));
    }

    [Fact]
    public async Task Agents_see_only_the_listed_entries_of_a_cluster_and_an_unknown_cluster_is_not_found()
    {
        var moderator = await Given.AModerator();
        var shown = await Given.AnEntry(title: "Badge perdu");
        var later = await Given.AnEntry(title: "Badge refusé");
        var cluster = await Send(new CreateCluster("Badges", null, shown), moderator);
        await Send(new AddToCluster(cluster, later), moderator);
        await WithDb(db => db.Entries.Where(e => e.Id == later).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Hidden)));

        Assert.Equal([shown], (await Send(new GetCluster(cluster), await Given.AnAgent())).Members.Select(m => m.Id));
        Assert.Equal(2, (await Send(new GetCluster(cluster), moderator)).Members.Count);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new GetCluster(987654), moderator));
    }
}
