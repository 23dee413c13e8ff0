namespace IdeaBox.Domain;

/// <summary>
/// One line of the audit trail: who did what to which entry, when, and the facts of it as data
/// (statuses, the other entry, the project, the expert, the origin), never as a sentence to parse
/// back. Each action fills the columns it concerns; the pages write them in the reader's language.
/// </summary>
public sealed class AuditEvent
{
    public const int ReasonMaxLength = 2000;
    public const int ThemesMaxLength = 1000;

    public long Id { get; set; }
    public int? EntryId { get; set; }
    /// <summary>Null for the system.</summary>
    public int? ActorId { get; set; }
    public AppUser? Actor { get; set; }
    public DateTime At { get; set; }
    public AuditAction Action { get; set; }
    public EntryStatus? FromStatus { get; set; }
    public EntryStatus? ToStatus { get; set; }
    /// <summary>The entry a duplicate was merged into, or the difficulty an answer link concerns.</summary>
    public int? OtherEntryId { get; set; }
    /// <summary>The project an entry was put into.</summary>
    public int? ProjectId { get; set; }
    /// <summary>The comment a moderator hid or showed again.</summary>
    public int? CommentId { get; set; }
    /// <summary>The expert a question was asked of.</summary>
    public int? ExpertId { get; set; }
    /// <summary>The source of a recorded or imported entry.</summary>
    public EntryOrigin? Origin { get; set; }
    /// <summary>Theme names before and after a change, as they were then (shown as written).</summary>
    public string? ThemesBefore { get; set; }
    public string? ThemesAfter { get; set; }
    /// <summary>The reason of a move, the question asked of an expert, or the reference of a recorded entry.</summary>
    public string? Reason { get; set; }

    public static AuditEvent StatusChanged(int entryId, Actor actor, DateTime at, AuditAction action, EntryStatus from, EntryStatus to, string? reason) =>
        new() { EntryId = entryId, ActorId = actor.UserId, At = at, Action = action, FromStatus = from, ToStatus = to, Reason = Clip(reason, ReasonMaxLength) };

    public static AuditEvent Promoted(int entryId, int projectId, Actor actor, DateTime at, EntryStatus status) =>
        new() { EntryId = entryId, ActorId = actor.UserId, At = at, Action = AuditAction.Promote, FromStatus = status, ProjectId = projectId };

    public static AuditEvent AnswerLinked(int answerId, int difficultyId, int actorId, DateTime at, bool linked = true) =>
        new() { EntryId = answerId, ActorId = actorId, At = at, Action = linked ? AuditAction.LinkAnswer : AuditAction.UnlinkAnswer, OtherEntryId = difficultyId };

    public static AuditEvent ThemesChanged(int entryId, int actorId, DateTime at, string before, string after) =>
        new()
        {
            EntryId = entryId, ActorId = actorId, At = at, Action = AuditAction.ThemesChanged,
            ThemesBefore = Clip(before, ThemesMaxLength), ThemesAfter = Clip(after, ThemesMaxLength)
        };

    public static AuditEvent ExpertAsked(int entryId, int actorId, DateTime at, int expertId, string question) =>
        new() { EntryId = entryId, ActorId = actorId, At = at, Action = AuditAction.ExpertRequested, ExpertId = expertId, Reason = Clip(question, ReasonMaxLength) };

    /// <summary>A moderator hid a comment (with the reason told to its author) or showed it again.</summary>
    public static AuditEvent CommentModerated(int entryId, int commentId, int? actorId, DateTime at, bool hidden, string? reason) =>
        new()
        {
            EntryId = entryId, CommentId = commentId, ActorId = actorId, At = at,
            Action = hidden ? AuditAction.CommentHidden : AuditAction.CommentShown, Reason = Clip(reason, ReasonMaxLength)
        };

    /// <summary>A moderator put the entry on show as a success story (the text as reason), or took it off.</summary>
    public static AuditEvent Featuring(int entryId, int actorId, DateTime at, string? whatChanged) =>
        new()
        {
            EntryId = entryId, ActorId = actorId, At = at, Action = whatChanged is null ? AuditAction.Unfeatured : AuditAction.Featured,
            Reason = Clip(whatChanged, ReasonMaxLength)
        };

    /// <summary>A moderator decided about the reports on an entry or one of its comments.</summary>
    public static AuditEvent ReportsResolved(int entryId, int? commentId, int actorId, DateTime at, ReportOutcome outcome, string? reason) =>
        new()
        {
            EntryId = entryId, CommentId = commentId, ActorId = actorId, At = at,
            Action = outcome == ReportOutcome.Upheld ? AuditAction.ReportsUpheld : AuditAction.ReportsDismissed, Reason = Clip(reason, ReasonMaxLength)
        };

    /// <summary>A moderator put the entry into a cluster, or took it out (the cluster's name as reason).</summary>
    public static AuditEvent Clustering(int entryId, int actorId, DateTime at, string clusterName, bool joined) =>
        new() { EntryId = entryId, ActorId = actorId, At = at, Action = joined ? AuditAction.Clustered : AuditAction.Unclustered, Reason = Clip(clusterName, ReasonMaxLength) };

    /// <summary>A moderator opened a call for contributions or changed it (its question as reason).</summary>
    public static AuditEvent Calling(int actorId, DateTime at, string question, bool opened) =>
        new() { ActorId = actorId, At = at, Action = opened ? AuditAction.CallOpened : AuditAction.CallChanged, Reason = Clip(question, ReasonMaxLength) };

    /// <summary>A moderator recorded an entry from another source, one at a time or by importing a file.</summary>
    public static AuditEvent FromSource(Entry entry, int actorId, DateTime at, bool imported) =>
        new()
        {
            EntryId = entry.Id, ActorId = actorId, At = at, Action = imported ? AuditAction.Imported : AuditAction.Recorded,
            Origin = entry.Origin, Reason = entry.OriginReference
        };

    private static string? Clip(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
