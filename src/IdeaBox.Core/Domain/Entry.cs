namespace IdeaBox.Domain;

/// <summary>
/// An idea, a difficulty or an initiative. Counts and the trending score are stored, never
/// aggregated per request. Its status only changes through the methods below, which enforce
/// <see cref="Transitions"/> and return the audit rows to save with the change.
/// </summary>
public sealed class Entry
{
    public const int OriginReferenceMaxLength = 200;

    public int Id { get; set; }
    public EntryKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The sanitised HTML of <see cref="Body"/>, rendered once when the entry is written.</summary>
    public required string BodyHtml { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public bool HideAuthorName { get; set; }
    public EntryOrigin Origin { get; set; }
    public string? OriginReference { get; set; }
    public EntryStatus Status { get; set; }
    public string? StatusReason { get; set; }
    /// <summary>While hidden: the status to restore when the entry is shown again.</summary>
    public EntryStatus? StatusBeforeHidden { get; set; }
    /// <summary>When a moderator first took the entry under review (the dashboard's time to first review).</summary>
    public DateTime? ReviewedAt { get; set; }
    public int? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int VoteCount { get; set; }
    public int CommentCount { get; set; }
    public double TrendingScore { get; set; } = Trending.NoVotes;
    /// <summary>How many distinct units its voters and commenters belong to (the breadth of its support).</summary>
    public int SupportUnits { get; set; }
    /// <summary>How many distinct top-level administrations they belong to: "transversal" from a configured number.</summary>
    public int SupportAdministrations { get; set; }
    /// <summary>Set by each vote and comment; the breadth is recounted in the background, then this is cleared.</summary>
    public bool BreadthStale { get; set; }
    public List<Theme> Themes { get; set; } = [];
    /// <summary>The cluster a moderator grouped it in, if any.</summary>
    public int? ClusterId { get; set; }
    /// <summary>The call for contributions it was submitted into, if any: its tag, and its votes freeze when the call closes.</summary>
    public int? CallId { get; set; }
    public ContributionCall? Call { get; set; }

    /// <summary>A new entry, waiting for triage. An agent's entry has no origin reference.</summary>
    public static Entry Submit(int authorId, EntryKind kind, string title, string body, string bodyHtml, int unitId,
        IEnumerable<Theme> themes, bool hideAuthorName, EntryOrigin origin, string? originReference, DateTime now) => new()
        {
            AuthorId = authorId, Kind = kind, Title = title, Body = body, BodyHtml = bodyHtml, UnitId = unitId,
            Themes = [.. themes], HideAuthorName = hideAuthorName, Origin = origin,
            OriginReference = origin == EntryOrigin.Agent ? null : TextInput.Optional(originReference),
            Status = EntryStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        };

    /// <summary>
    /// A moderator moves the entry: take under review, accept, decline, hide, show again. Merging
    /// and promotion need a target and have their own methods; a hidden entry only goes back to the
    /// status it had.
    /// </summary>
    public AuditEvent MoveTo(EntryStatus to, Actor actor, string? reason, DateTime now)
    {
        if (actor.Holds(Permissions.Moderate))
        {
            if (to == EntryStatus.Merged) throw new ConflictException("Moderation.UseMerge");
            if (to == EntryStatus.InPlan) throw new ConflictException("Moderation.UsePromote");
            if (Status == EntryStatus.Hidden && to != StatusBeforeHidden) throw new ConflictException("Moderation.TransitionRefused");
        }
        return Apply(to, actor, reason, now);
    }

    /// <summary>Takes the entry out of every list (abuse); a reason is required.</summary>
    public AuditEvent Hide(Actor actor, string? reason, DateTime now) => MoveTo(EntryStatus.Hidden, actor, reason, now);

    /// <summary>Lifts a hiding: the entry gets back the status it had; a reason is required.</summary>
    public AuditEvent ShowAgain(Actor actor, string? reason, DateTime now) =>
        Status == EntryStatus.Hidden
            ? MoveTo(StatusBeforeHidden ?? EntryStatus.Submitted, actor, reason, now)
            : throw new ConflictException("Moderation.TransitionRefused");

    /// <summary>
    /// Merges this duplicate into <paramref name="target"/>, which must be another open entry. The
    /// votes and followers are moved by the caller; this records the target and the move.
    /// </summary>
    public AuditEvent MergeInto(Entry target, Actor actor, string? reason, DateTime now)
    {
        RuleFor(EntryStatus.Merged, actor);
        // A hidden entry comes back only by being shown again: merging it would publish it on the target.
        if (Status == EntryStatus.Hidden) throw new ConflictException("Moderation.TransitionRefused");
        if (target.Id == Id) throw new ValidationFailedException("TargetId", "Merge.Self");
        if (target.Status == EntryStatus.Merged || target.MergedIntoId is not null)
            throw new ValidationFailedException("TargetId", "Merge.TargetMerged");
        if (!MergeRules.CanReceive(target.Status)) throw new ValidationFailedException("TargetId", "Merge.TargetClosed");

        var audit = Apply(EntryStatus.Merged, actor, reason, now);
        MergedIntoId = target.Id;
        audit.OtherEntryId = target.Id;
        return audit;
    }

    /// <summary>Refuses (403 or 409) an actor who may not put this entry into the plan, before anything is created for it.</summary>
    public void EnsureCanEnterPlan(Actor actor)
    {
        if (Status != EntryStatus.InPlan) RuleFor(EntryStatus.InPlan, actor);
        // Likewise, a hidden entry does not enter the plan (where everyone would see it).
        if (Status == EntryStatus.Hidden) throw new ConflictException("Moderation.TransitionRefused");
    }

    /// <summary>
    /// The entry is carried by <paramref name="projectId"/>: an accepted entry enters the plan, an
    /// entry already in it gets one more project. Returns the promotion row, and the move when there is one.
    /// </summary>
    public IReadOnlyList<AuditEvent> PutInPlan(int projectId, Actor actor, DateTime now)
    {
        EnsureCanEnterPlan(actor);
        var promoted = AuditEvent.Promoted(Id, projectId, actor, now, Status);
        return Status == EntryStatus.InPlan ? [promoted] : [promoted, Apply(EntryStatus.InPlan, actor, null, now)];
    }

    /// <summary>Every project that carries the entry is done: so is the entry (the system's move).</summary>
    public AuditEvent Complete(DateTime now) => Apply(EntryStatus.Done, Actor.System, null, now);

    /// <summary>The entry's votes are these (after a merge): count and trending score from scratch.</summary>
    public void RecountVotes(IReadOnlyCollection<DateTime> votes, Trending trending)
    {
        VoteCount = votes.Count;
        TrendingScore = trending.Recompute(votes.Order());
    }

    /// <summary>The rule that allows the move: 403 for someone who does not moderate, 409 for a move the table refuses.</summary>
    private Transitions.Rule RuleFor(EntryStatus to, Actor actor) =>
        Transitions.Find(Status, to, actor.Roles)
        ?? throw (actor.Holds(Permissions.Moderate)
            ? new ConflictException("Moderation.TransitionRefused")
            : new ForbiddenException($"{Status} → {to} is not allowed to this user."));

    private AuditEvent Apply(EntryStatus to, Actor actor, string? reason, DateTime now)
    {
        var rule = RuleFor(to, actor);
        var why = TextInput.Optional(reason);
        if (rule.ReasonRequired && why is null) throw new ValidationFailedException("Reason", "Validation.ReasonRequired");
        if (why is { Length: > Transitions.ReasonMaxLength })
            throw new ValidationFailedException("Reason", "Validation.MaxLength", Transitions.ReasonMaxLength);

        var from = Status;
        var action = to == EntryStatus.Hidden ? AuditAction.Hide
            : from == EntryStatus.Hidden ? AuditAction.Unhide
            : to == EntryStatus.Merged ? AuditAction.Merge
            : AuditAction.Transition;
        StatusBeforeHidden = to == EntryStatus.Hidden ? from : null;
        if (to == EntryStatus.UnderReview) ReviewedAt ??= now;
        Status = to;
        StatusReason = why;
        UpdatedAt = now;
        return AuditEvent.StatusChanged(Id, actor, now, action, from, to, why);
    }
}
