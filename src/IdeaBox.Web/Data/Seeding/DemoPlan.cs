using Bogus;

namespace IdeaBox.Web.Data.Seeding;

/// <summary>The moderation history, a plausible strategic plan linked to the demo entries, and expert requests.</summary>
public sealed partial class DemoSeeder
{
    private static readonly (string Axis, (string Objective, string[] Operational)[] Objectives)[] PlanOutline =
    [
        ("Simplifier le travail quotidien des agents",
        [
            ("Réduire la charge administrative interne", ["Dématérialiser les circuits de signature", "Alléger les procédures de marchés de faible montant", "Harmoniser les formulaires internes"]),
            ("Donner aux agents des outils qui fonctionnent", ["Fiabiliser le parc informatique", "Moderniser les applications métier", "Améliorer le support aux utilisateurs"]),
            ("Mieux organiser le travail hybride", ["Équiper les postes de télétravail", "Adapter les espaces de bureau partagés"]),
        ]),
        ("Mieux servir les usagers et les partenaires",
        [
            ("Raccourcir les délais de traitement", ["Suivre les dossiers de bout en bout", "Supprimer les doubles encodages"]),
            ("Rendre l'information accessible", ["Rédiger en langage clair", "Rendre les sites et documents accessibles", "Ouvrir les données publiques"]),
            ("Travailler en réseau avec les partenaires", ["Organiser des rencontres régulières avec les partenaires", "Partager les dossiers avec les autres administrations"]),
        ]),
        ("Développer les compétences et le bien-être au travail",
        [
            ("Valoriser et diffuser les bonnes pratiques", ["Créer une communauté des initiatives", "Organiser l'accueil des nouveaux agents", "Documenter les savoir-faire"]),
            ("Prendre soin des équipes", ["Prévenir la surcharge de travail", "Former les managers à l'écoute"]),
        ]),
    ];

    private static readonly string[] ProjectVerbs =
        ["Mettre en place", "Déployer", "Tester", "Généraliser", "Revoir", "Simplifier", "Créer", "Étendre"];

    private static readonly string[] ProjectObjects =
    [
        "la signature électronique des notes", "un guichet unique pour les demandes internes", "un tableau de suivi des dossiers",
        "le catalogue des formations en ligne", "un parrainage des nouveaux agents", "le prêt de matériel de télétravail",
        "un modèle commun de courrier en langage clair", "la réservation des salles en ligne", "un réseau de référents accessibilité",
        "le partage de documents avec les partenaires", "la procédure d'achat de petit matériel", "un relais informatique par direction",
        "un répertoire des compétences", "des ateliers d'échange de pratiques", "la publication des données ouvertes",
        "un calendrier partagé des échéances", "la numérisation des archives courantes", "un baromètre annuel du bien-être",
    ];

    private static readonly string[] ProgressNotes =
    [
        "Réunion de lancement tenue avec les services concernés ; le calendrier est validé.",
        "Un premier prototype a été présenté à un groupe d'agents ; leurs remarques sont intégrées.",
        "Le marché est attribué ; le déploiement commence dans deux directions pilotes.",
        "Phase pilote terminée : les retours sont positifs, la généralisation est planifiée.",
        "Retard de quelques semaines lié à la disponibilité des équipes informatiques.",
    ];

    /// <summary>Audit rows for the statuses the demo entries already have, as if moderators had moved them.</summary>
    private void SeedHistory(Faker faker, List<Entry> entries, List<AppUser> users, DateTime now)
    {
        var moderator = users[2];
        foreach (var entry in entries.Where(e => e.Status != EntryStatus.Submitted))
        {
            var reviewedAt = Min(entry.CreatedAt.AddHours(faker.Random.Double(4, 24 * 20)), now);
            entry.ReviewedAt = reviewedAt;
            // Change tracking is off while seeding: say what changed.
            db.Entry(entry).State = EntityState.Modified;
            db.AuditEvents.Add(AuditEvent.StatusChanged(entry.Id, Moderator(moderator), reviewedAt, AuditAction.Transition,
                EntryStatus.Submitted, EntryStatus.UnderReview, null));
            if (entry.Status == EntryStatus.UnderReview) continue;
            var decidedAt = Min(reviewedAt.AddHours(faker.Random.Double(2, 24 * 15)), now);
            var decided = entry.Status == EntryStatus.Declined ? EntryStatus.Declined : EntryStatus.Accepted;
            db.AuditEvents.Add(AuditEvent.StatusChanged(entry.Id, Moderator(moderator), decidedAt, AuditAction.Transition,
                EntryStatus.UnderReview, decided, entry.StatusReason));
            entry.UpdatedAt = decidedAt;
        }
    }

    private static Actor Moderator(AppUser moderator) => new(moderator.Id, [Roles.Moderator]);

    private async Task SeedPlan(Faker faker, List<Entry> entries, List<AppUser> users, List<OrgUnit> units, DateTime now, CancellationToken ct)
    {
        var moderator = users[2];
        var services = units.Where(u => u.Depth == 2).ToList();
        var operational = new List<PlanNode>();
        var axisPosition = 0;
        foreach (var (axisTitle, objectives) in PlanOutline)
        {
            var axis = new PlanNode { Level = PlanLevel.Axis, Position = ++axisPosition, Title = axisTitle };
            db.PlanNodes.Add(axis);
            await db.SaveChangesAsync(ct);
            var soPosition = 0;
            foreach (var (objectiveTitle, operationals) in objectives)
            {
                var so = new PlanNode { Level = PlanLevel.StrategicObjective, ParentId = axis.Id, Position = ++soPosition, Title = objectiveTitle };
                db.PlanNodes.Add(so);
                await db.SaveChangesAsync(ct);
                var ooPosition = 0;
                foreach (var ooTitle in operationals)
                {
                    var oo = new PlanNode { Level = PlanLevel.OperationalObjective, ParentId = so.Id, Position = ++ooPosition, Title = ooTitle };
                    db.PlanNodes.Add(oo);
                    operational.Add(oo);
                }
                await db.SaveChangesAsync(ct);
            }
        }

        // About 40 projects in various states; done entries sit on done projects only.
        var statuses = Enumerable.Repeat(ProjectStatus.Done, 10).Concat(Enumerable.Repeat(ProjectStatus.InProgress, 18))
            .Concat(Enumerable.Repeat(ProjectStatus.Planned, 9)).Concat(Enumerable.Repeat(ProjectStatus.Abandoned, 3)).ToList();
        var projects = new List<PlanNode>();
        var titles = new HashSet<string>();
        for (var i = 0; i < statuses.Count; i++)
        {
            var parent = operational[i % operational.Count];
            string title;
            do title = $"{faker.PickRandom(ProjectVerbs)} {faker.PickRandom(ProjectObjects)}"; while (!titles.Add(title));
            var status = statuses[i];
            var start = DateOnly.FromDateTime(now.AddDays(-faker.Random.Int(30, 300)));
            projects.Add(new PlanNode
            {
                Level = PlanLevel.Project, ParentId = parent.Id, Position = projects.Count(p => p.ParentId == parent.Id) + 1, Title = title,
                Description = "Projet issu des contributions des agents et de l'analyse de la cellule stratégique.",
                OwnerId = faker.PickRandom(users).Id, UnitId = faker.PickRandom(services).Id, ProjectStatus = status,
                Progress = status switch { ProjectStatus.Done => 100, ProjectStatus.Planned => 0, ProjectStatus.Abandoned => faker.Random.Int(0, 40), _ => faker.Random.Int(10, 90) },
                StartDate = start, DueDate = start.AddDays(faker.Random.Int(90, 540)),
                Weight = faker.Random.Bool(0.2f) ? 2 : null,
            });
        }
        db.PlanNodes.AddRange(projects);
        await db.SaveChangesAsync(ct);

        var done = projects.Where(p => p.ProjectStatus == ProjectStatus.Done).ToList();
        var open = projects.Where(p => p.ProjectStatus is ProjectStatus.InProgress or ProjectStatus.Planned).ToList();
        var links = new List<ProjectEntry>();
        foreach (var entry in entries.Where(e => e.Status == EntryStatus.Done))
            links.Add(new ProjectEntry { ProjectId = faker.PickRandom(done).Id, EntryId = entry.Id, CreatedAt = entry.UpdatedAt });
        foreach (var entry in entries.Where(e => e.Status == EntryStatus.InPlan))
        {
            foreach (var project in faker.PickRandom(open, faker.Random.Bool(0.15f) ? 2 : 1))
                links.Add(new ProjectEntry { ProjectId = project.Id, EntryId = entry.Id, CreatedAt = entry.UpdatedAt });
        }
        // The mirror: ideas and initiatives answering every other one of the most supported difficulties; some of
        // those answers are in the plan (so the difficulty is answered), others not yet, and the rest answer nothing.
        var difficulties = entries.Where(e => e.Kind == EntryKind.Difficulty && e.Status is not (EntryStatus.Hidden or EntryStatus.Merged or EntryStatus.Declined))
            .OrderByDescending(e => e.VoteCount).Take(30).ToList();
        var answers = entries.Where(e => e.Kind != EntryKind.Difficulty && e.Status is EntryStatus.Accepted or EntryStatus.InPlan or EntryStatus.Done).ToList();
        for (var i = 0; i < difficulties.Count && answers.Count > 0; i += 2)
            db.EntryAnswers.Add(new EntryAnswer { AnswerId = answers[i / 2 % answers.Count].Id, DifficultyId = difficulties[i].Id, CreatedAt = now });
        // An answer broader than one project sits under an operational objective.
        if (entries.FirstOrDefault(e => e.Kind == EntryKind.Idea && e.Status == EntryStatus.InPlan) is { } broad)
            links.Add(new ProjectEntry { ProjectId = operational[0].Id, EntryId = broad.Id, CreatedAt = broad.UpdatedAt });
        db.ProjectEntries.AddRange(links);

        // Two reports wait in the moderators' queue (below the threshold that hides): one on an entry, one on a comment.
        var reported = entries.Where(e => e.Status == EntryStatus.Submitted).Skip(3).First();
        var reporters = users.Where(u => u.Id != reported.AuthorId).Skip(5).Take(2).ToList();
        db.Reports.Add(new Report { EntryId = reported.Id, ReporterId = reporters[0].Id, Reason = ReportReason.PersonalData, Details = "Le texte nomme un collègue.", CreatedAt = now.AddHours(-5) });
        if (await db.Comments.Where(c => c.AuthorId != reporters[1].Id && c.HiddenAt == null).OrderBy(c => c.Id).Select(c => new { c.Id, c.EntryId }).FirstOrDefaultAsync(ct) is { } comment)
            db.Reports.Add(new Report { EntryId = comment.EntryId, CommentId = comment.Id, ReporterId = reporters[1].Id, Reason = ReportReason.OffTopic, CreatedAt = now.AddHours(-2) });

        // Two successes on show: a done entry and an initiative, each with what changed and whom to ask.
        var showcased = entries.Where(e => e.Status == EntryStatus.Done).Take(1)
            .Concat(entries.Where(e => e.Kind == EntryKind.Initiative && e.Status is EntryStatus.Accepted or EntryStatus.InPlan).Take(1)).ToList();
        string[] stories =
        [
            "Le délai de traitement est passé de trois semaines à cinq jours, sans agent supplémentaire : les dossiers complets partent le jour même.",
            "L'initiative d'un service a été reprise par trois autres : une fiche d'une page et une réunion de quinze minutes par semaine suffisent.",
        ];
        for (var i = 0; i < showcased.Count; i++)
            db.SuccessStories.Add(new SuccessStory
            {
                EntryId = showcased[i].Id, WhatChanged = stories[i], ContactUnitId = showcased[i].UnitId, FeaturedById = moderator.Id,
                FeaturedAt = now.AddDays(-2 - 3 * i),
            });
        foreach (var entry in entries.Where(e => e.Status is EntryStatus.InPlan or EntryStatus.Done))
            db.AuditEvents.Add(AuditEvent.StatusChanged(entry.Id, Moderator(moderator), entry.UpdatedAt, AuditAction.Transition,
                EntryStatus.Accepted, EntryStatus.InPlan, null));

        foreach (var project in projects.Where(p => p.ProjectStatus is ProjectStatus.InProgress or ProjectStatus.Done))
        {
            var at = project.StartDate!.Value.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromHours(10)), DateTimeKind.Utc);
            foreach (var note in faker.PickRandom(ProgressNotes, faker.Random.Int(1, 3)))
            {
                at = Min(at.AddDays(faker.Random.Int(10, 60)), now);
                db.ProjectNotes.Add(new ProjectNote { ProjectId = project.Id, AuthorId = moderator.Id, At = at, Body = note });
            }
        }

        // The demo expert has two questions waiting and one answered.
        var expert = users[1];
        var asked = entries.Where(e => e.Status == EntryStatus.UnderReview).Take(3).ToList();
        for (var i = 0; i < asked.Count; i++)
        {
            var answer = i == 2 ? "D'un point de vue technique, la solution est réaliste : l'outil existe déjà dans deux services et peut être étendu sans coût de licence." : null;
            db.ExpertRequests.Add(new ExpertRequest
            {
                EntryId = asked[i].Id, ExpertId = expert.Id, RequestedById = moderator.Id, RequestedAt = now.AddDays(-3 - i),
                Question = "Cette proposition est-elle réalisable avec les outils dont nous disposons, et à quel coût ?",
                Answer = answer, AnswerHtml = answer is null ? null : markdown.TryRender(answer), AnsweredAt = answer is null ? null : now.AddDays(-1),
            });
        }

        // A few unread notifications, so that the demo accounts see the bell at work. They are
        // marked as e-mailed: the demo does not mail its past.
        var demoAgent = users[0];
        var followed = (await db.Follows.Where(f => f.UserId == demoAgent.Id).Select(f => f.EntryId).ToListAsync(ct)).ToHashSet();
        foreach (var entry in entries.Where(e => followed.Contains(e.Id) && e.Status != EntryStatus.Submitted).Take(3))
            db.Notifications.Add(new Notification
            {
                UserId = demoAgent.Id, Kind = NotificationKind.StatusChanged, EntryId = entry.Id,
                Subject = entry.Title, Detail = entry.Status.ToString(), Reason = entry.StatusReason, CreatedAt = entry.UpdatedAt, EmailedAt = now
            });
        foreach (var entry in entries.Where(e => e.Status == EntryStatus.Submitted).OrderByDescending(e => e.CreatedAt).Take(5))
            db.Notifications.Add(new Notification
            {
                UserId = moderator.Id, Kind = NotificationKind.AwaitingTriage, EntryId = entry.Id,
                Subject = entry.Title, CreatedAt = entry.CreatedAt, EmailedAt = now
            });
        if (asked.Count > 0)
            db.Notifications.Add(new Notification
            {
                UserId = expert.Id, Kind = NotificationKind.ExpertRequested, EntryId = asked[0].Id,
                Subject = asked[0].Title, CreatedAt = now.AddDays(-3), EmailedAt = now
            });
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
