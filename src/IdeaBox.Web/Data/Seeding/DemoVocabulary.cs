namespace IdeaBox.Web.Data.Seeding;

/// <summary>
/// The words of a Belgian ministry's daily work, from which the demo seeder composes entries.
/// Titles are built from a template and two slots, so a few hundred read differently while
/// each one sounds like something an agent would write.
/// </summary>
internal static class DemoVocabulary
{
    /// <summary>A unit of the demo ministry, with the code its HR files and directory would use.</summary>
    public sealed record UnitNode(string Name, string Code, UnitNode[] Children)
    {
        public UnitNode(string name, string code) : this(name, code, []) { }
    }

    public static readonly UnitNode[] Units =
    [
        new("Secrétariat général", "SG",
        [
            new("Direction des ressources humaines", "SG-RH", [new("Service du recrutement", "SG-RH-REC"), new("Service de la formation", "SG-RH-FOR"), new("Service des traitements", "SG-RH-TRA")]),
            new("Direction des technologies de l'information", "SG-TI", [new("Service du support informatique", "SG-TI-SUP"), new("Service des applications métier", "SG-TI-APP")]),
            new("Direction de la communication", "SG-COM", [new("Service de la communication interne", "SG-COM-INT")]),
        ]),
        new("Administration générale de l'Enseignement", "AGE",
        [
            new("Direction des personnels de l'enseignement", "AGE-PE", [new("Service des statuts", "AGE-PE-STA"), new("Service des attributions", "AGE-PE-ATT")]),
            new("Direction de l'organisation des écoles", "AGE-OE", [new("Service de l'inspection administrative", "AGE-OE-INS"), new("Service des bâtiments scolaires", "AGE-OE-BAT")]),
        ]),
        new("Administration générale de la Culture", "AGC",
        [
            new("Direction des arts de la scène", "AGC-AS", [new("Service des subventions", "AGC-AS-SUB"), new("Service des centres culturels", "AGC-AS-CC")]),
            new("Direction du patrimoine", "AGC-PA", [new("Service des archives", "AGC-PA-ARC"), new("Service des musées", "AGC-PA-MUS")]),
        ]),
        new("Administration générale de l'Aide à la jeunesse", "AGAJ",
        [
            new("Direction des services agréés", "AGAJ-SA", [new("Service de l'agrément", "AGAJ-SA-AGR")]),
            new("Direction de l'aide aux familles", "AGAJ-AF", [new("Service d'accueil", "AGAJ-AF-ACC"), new("Service des interventions", "AGAJ-AF-INT")]),
        ]),
        new("Administration générale du Sport", "AGS",
        [
            new("Direction des infrastructures sportives", "AGS-IS", [new("Service des centres sportifs", "AGS-IS-CS")]),
        ]),
    ];

    public static readonly string[] Themes =
    [
        "Ressources humaines", "Simplification administrative", "Outils informatiques", "Communication interne",
        "Bien-être au travail", "Bâtiments et logistique", "Formation", "Relations avec les usagers",
        "Gestion documentaire", "Marchés publics", "Développement durable", "Collaboration entre services",
    ];

    /// <summary>Templates with {0} and {1}, the slots to fill them, and the themes they touch.</summary>
    public sealed record TitleTemplate(string Format, string[] First, string[] Second, string[] Themes);

    public static readonly TitleTemplate[] Difficulties =
    [
        new("Les demandes de {0} passent encore par {1}",
            ["congé", "remboursement de frais", "formation", "télétravail", "matériel de bureau", "badge d'accès"],
            ["trois formulaires papier", "deux signatures manuscrites", "le courrier interne", "quatre niveaux de validation", "un fichier Excel envoyé par courriel"],
            ["Simplification administrative", "Ressources humaines"]),
        new("Impossible de {0} {1}",
            ["retrouver la dernière version d'un document", "réserver une salle de réunion", "joindre le support informatique", "savoir où en est un dossier", "obtenir un accès au réseau"],
            ["sans passer par trois collègues", "avant 10 heures", "en moins d'une semaine", "quand on est en télétravail", "pendant les congés scolaires"],
            ["Outils informatiques", "Gestion documentaire"]),
        new("Le {0} {1}",
            ["logiciel de gestion des dossiers", "serveur de fichiers partagé", "VPN", "logiciel de paie", "système de visioconférence", "portail des subventions"],
            ["plante plusieurs fois par jour", "est inaccessible en télétravail", "ne permet pas d'exporter les données", "impose de tout ressaisir deux fois", "n'est pas adapté aux lecteurs d'écran"],
            ["Outils informatiques"]),
        new("Les délais de {0} {1}",
            ["recrutement", "paiement des fournisseurs", "traitement des dossiers de subvention", "validation des marchés publics", "réponse aux courriers des usagers"],
            ["dépassent six mois", "découragent les meilleurs candidats", "bloquent des projets entiers", "nous valent des plaintes chaque semaine", "ne sont suivis par personne"],
            ["Marchés publics", "Relations avec les usagers", "Ressources humaines"]),
        new("Personne ne sait qui contacter {0} {1}",
            ["au service juridique", "pour une question de marché public", "pour un problème de badge", "pour une panne de chauffage", "pour une demande d'archives"],
            ["et les demandes se perdent", "depuis la réorganisation", "quand le titulaire est absent", "dans les implantations régionales", "pendant l'été"],
            ["Communication interne", "Collaboration entre services"]),
        new("Les nouveaux agents {0} {1}",
            ["attendent leur ordinateur", "n'ont pas de bureau attribué", "ne reçoivent aucun guide d'accueil", "ne connaissent pas les procédures", "n'ont pas accès aux applications"],
            ["pendant leurs deux premières semaines", "dans plusieurs directions", "faute de coordination", "depuis des années", "sans que personne ne le signale"],
            ["Ressources humaines", "Formation"]),
        new("Les locaux {0} {1}",
            ["du bâtiment principal", "de l'implantation de Namur", "des services extérieurs", "du rez-de-chaussée", "de l'aile B"],
            ["sont trop chauds en été", "manquent de salles pour les appels", "ne sont pas accessibles en fauteuil roulant", "n'ont pas de tri des déchets", "sont mal éclairés"],
            ["Bâtiments et logistique", "Bien-être au travail", "Développement durable"]),
    ];

    public static readonly TitleTemplate[] Ideas =
    [
        new("Créer {0} pour {1}",
            ["un guichet unique", "une page intranet", "un annuaire des compétences", "une foire aux questions", "une adresse de contact unique"],
            ["les demandes RH", "les questions informatiques", "les marchés publics", "l'accueil des nouveaux agents", "les questions des usagers"],
            ["Simplification administrative", "Communication interne"]),
        new("Numériser {0} {1}",
            ["les demandes de congé", "les notes de frais", "le courrier entrant", "les dossiers du personnel", "les rapports d'inspection"],
            ["avec un circuit de validation en ligne", "et supprimer le papier", "d'ici la fin de l'année", "en commençant par un service pilote", "avec l'aide de la direction informatique"],
            ["Simplification administrative", "Outils informatiques", "Développement durable"]),
        new("Organiser {0} {1}",
            ["des midis de partage", "des visites croisées entre services", "un parrainage des nouveaux agents", "des ateliers d'échange de pratiques", "une journée portes ouvertes interne"],
            ["entre directions", "une fois par trimestre", "pour briser les silos", "avec les implantations régionales", "ouverts à tous les agents"],
            ["Collaboration entre services", "Formation", "Bien-être au travail"]),
        new("Mettre en place {0} {1}",
            ["la signature électronique", "un calendrier partagé des salles", "des modèles de documents communs", "un suivi en ligne des dossiers", "un covoiturage entre collègues"],
            ["pour tout le ministère", "dans chaque administration générale", "dès le prochain exercice", "en s'appuyant sur les outils existants", "avec une formation courte"],
            ["Outils informatiques", "Gestion documentaire", "Développement durable"]),
        new("Simplifier {0} {1}",
            ["le formulaire de demande de subvention", "la procédure d'achat de petit matériel", "l'accueil des nouveaux agents", "la validation des missions", "le rapport annuel d'activité"],
            ["en supprimant les étapes redondantes", "avec un seul formulaire en ligne", "en déléguant la signature", "en réutilisant les données déjà connues", "en écoutant les agents qui l'utilisent"],
            ["Simplification administrative", "Marchés publics"]),
    ];

    public static readonly TitleTemplate[] Initiatives =
    [
        new("{0} a {1}",
            ["Le service des archives", "Notre équipe", "La cellule marchés publics", "Le service d'accueil", "Le service des subventions"],
            ["réduit de moitié ses délais de réponse", "mis en place un tableau de bord partagé", "créé un guide d'accueil des nouveaux agents", "supprimé les formulaires papier", "formé tous ses agents à l'écriture claire"],
            ["Relations avec les usagers", "Simplification administrative", "Formation"]),
        new("Un {0} pour {1}",
            ["wiki interne", "canal de discussion", "classeur partagé", "tableau de suivi", "lexique commun"],
            ["les procédures du service", "les questions fréquentes des usagers", "le suivi des dossiers urgents", "partager les bonnes pratiques", "accueillir les stagiaires"],
            ["Gestion documentaire", "Collaboration entre services"]),
        new("Des réunions d'équipe {0} {1}",
            ["de quinze minutes debout", "sans ordre du jour figé", "en visioconférence", "tournantes entre sites", "ouvertes aux services voisins"],
            ["chaque lundi", "qui ont remplacé les longs comités", "appréciées de toute l'équipe", "depuis deux ans", "avec un compte rendu en cinq lignes"],
            ["Communication interne", "Bien-être au travail"]),
        new("Un binôme {0} {1}",
            ["entre ancien et nouvel agent", "juriste et gestionnaire", "entre deux directions", "entre services centraux et extérieurs", "informaticien et métier"],
            ["qui accélère le traitement des dossiers", "qui a fait ses preuves", "pour transmettre le savoir avant les départs", "qui évite les allers-retours", "testé pendant six mois"],
            ["Collaboration entre services", "Ressources humaines"]),
    ];

    public static readonly string[] Contexts =
    [
        "Dans notre service, nous traitons chaque mois plusieurs centaines de dossiers.",
        "Depuis la dernière réorganisation, les circuits de validation se sont allongés.",
        "Les usagers nous le disent régulièrement au téléphone.",
        "Plusieurs collègues d'autres directions m'ont confirmé vivre la même situation.",
        "Ce constat revient à chaque réunion d'équipe depuis plus d'un an.",
        "Nous avons fait le compte sur les trois derniers mois.",
        "C'est particulièrement sensible pendant les périodes de rentrée scolaire.",
    ];

    public static readonly string[] Impacts =
    [
        "du temps perdu à ressaisir les mêmes informations",
        "des usagers qui attendent une réponse sans savoir pourquoi",
        "des erreurs de transcription qu'il faut ensuite corriger",
        "une charge qui retombe toujours sur les mêmes personnes",
        "des collègues découragés, surtout parmi les nouveaux",
        "des coûts d'impression et d'envoi évitables",
        "des dossiers bloqués pendant les absences",
    ];

    public static readonly string[] Proposals =
    [
        "Un test dans un service pilote permettrait de mesurer le gain avant de généraliser.",
        "Les outils existent déjà au ministère : il suffirait de les rendre accessibles à tous.",
        "La direction informatique pourrait nous accompagner sans budget supplémentaire.",
        "Je suis prêt·e à partager notre expérience avec les services intéressés.",
        "Une courte formation suffirait pour que chacun s'approprie la démarche.",
        "Il faudrait d'abord faire l'inventaire des pratiques actuelles dans chaque direction.",
    ];

    public static readonly string[] Comments =
    [
        "Même constat chez nous, et depuis longtemps.",
        "Merci pour cette proposition, elle rejoint ce que nous vivons au quotidien.",
        "Nous avons essayé quelque chose de semblable l'an dernier : je peux partager notre retour.",
        "Est-ce que cela concerne aussi les implantations régionales ?",
        "Bonne idée, mais attention à la charge de travail pendant la transition.",
        "Je confirme : cela nous fait perdre **plusieurs heures par semaine**.",
        "Le service informatique travaille déjà sur un outil qui pourrait aider.",
        "Très inspirant, on aimerait le reproduire dans notre direction.",
        "Qui serait le bon interlocuteur pour avancer sur ce point ?",
        "Il existe une procédure, mais elle est peu connue : voir l'intranet, rubrique *Procédures*.",
    ];

    public static readonly string[] DeclineReasons =
    [
        "Cette demande relève d'une réglementation que le ministère ne peut pas modifier seul.",
        "Un projet en cours répond déjà à ce besoin ; nous vous tiendrons informé·e de son avancement.",
        "Le coût estimé dépasse largement le budget disponible cette année.",
    ];
}
