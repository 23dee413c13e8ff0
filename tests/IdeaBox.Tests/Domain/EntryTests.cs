namespace IdeaBox.Tests.Domain;

/// <summary>The entry's state changes: each enforces the transition table and returns its audit rows, as data.</summary>
public sealed class EntryTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Moderator = new(7, [Roles.Agent, Roles.Moderator]);
    private static readonly Actor Agent = new(8, [Roles.Agent]);

    private static Entry An(EntryStatus status, int id = 1) =>
        new() { Id = id, Title = "Titre", Body = "Texte", BodyHtml = "<p>Texte</p>", AuthorId = 3, Status = status, CreatedAt = Now.AddDays(-2) };

    [Fact]
    public void Taking_under_review_stamps_the_first_review_and_returns_the_audit_row()
    {
        var entry = An(EntryStatus.Submitted);
        var audit = entry.MoveTo(EntryStatus.UnderReview, Moderator, null, Now);

        Assert.Equal((EntryStatus.UnderReview, Now, Now), (entry.Status, entry.ReviewedAt, entry.UpdatedAt));
        Assert.Equal((1, 7, Now, AuditAction.Transition, EntryStatus.Submitted, EntryStatus.UnderReview, (string?)null),
            (audit.EntryId!.Value, audit.ActorId!.Value, audit.At, audit.Action, audit.FromStatus!.Value, audit.ToStatus!.Value, audit.Reason));
    }

    [Fact]
    public void A_later_review_keeps_the_date_of_the_first()
    {
        var entry = An(EntryStatus.Hidden);
        entry.StatusBeforeHidden = EntryStatus.Submitted;
        entry.ReviewedAt = Now.AddDays(-1);
        entry.ShowAgain(Moderator, "Erreur", Now);
        entry.MoveTo(EntryStatus.UnderReview, Moderator, null, Now);
        Assert.Equal(Now.AddDays(-1), entry.ReviewedAt);
    }

    [Fact]
    public void Declining_needs_a_reason_which_is_trimmed_and_kept()
    {
        var entry = An(EntryStatus.UnderReview);
        var missing = Assert.Throws<ValidationFailedException>(() => entry.MoveTo(EntryStatus.Declined, Moderator, "   ", Now));
        Assert.Equal(("Reason", "Validation.ReasonRequired"), (missing.Errors.Single().Field, missing.Errors.Single().MessageKey));
        var tooLong = Assert.Throws<ValidationFailedException>(() => entry.MoveTo(EntryStatus.Declined, Moderator, new string('x', 2001), Now));
        Assert.Equal("Validation.MaxLength", tooLong.Errors.Single().MessageKey);
        Assert.Equal(EntryStatus.UnderReview, entry.Status);

        var audit = entry.MoveTo(EntryStatus.Declined, Moderator, "  Relève du fédéral.\r\nVoir la note.  ", Now);
        Assert.Equal("Relève du fédéral.\nVoir la note.", entry.StatusReason);
        Assert.Equal(entry.StatusReason, audit.Reason);
    }

    [Fact]
    public void Someone_who_does_not_moderate_is_forbidden_and_a_move_outside_the_table_is_a_conflict()
    {
        var entry = An(EntryStatus.Submitted);
        Assert.Throws<ForbiddenException>(() => entry.MoveTo(EntryStatus.UnderReview, Agent, null, Now));
        Assert.Equal("Moderation.TransitionRefused", Assert.Throws<ConflictException>(() => entry.MoveTo(EntryStatus.Accepted, Moderator, null, Now)).MessageKey);
        Assert.Equal("Moderation.TransitionRefused", Assert.Throws<ConflictException>(() => entry.MoveTo(EntryStatus.Done, Moderator, null, Now)).MessageKey);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Fact]
    public void Merging_and_promoting_are_not_plain_moves()
    {
        var entry = An(EntryStatus.UnderReview);
        Assert.Equal("Moderation.UseMerge", Assert.Throws<ConflictException>(() => entry.MoveTo(EntryStatus.Merged, Moderator, null, Now)).MessageKey);
        var accepted = An(EntryStatus.Accepted);
        Assert.Equal("Moderation.UsePromote", Assert.Throws<ConflictException>(() => accepted.MoveTo(EntryStatus.InPlan, Moderator, null, Now)).MessageKey);
    }

    [Fact]
    public void Hiding_remembers_the_status_and_showing_again_restores_it_both_with_a_reason()
    {
        var entry = An(EntryStatus.Accepted);
        Assert.Throws<ValidationFailedException>(() => entry.Hide(Moderator, null, Now));

        var hide = entry.Hide(Moderator, "Propos injurieux.", Now);
        Assert.Equal((EntryStatus.Hidden, EntryStatus.Accepted), (entry.Status, entry.StatusBeforeHidden!.Value));
        Assert.Equal((AuditAction.Hide, EntryStatus.Accepted, EntryStatus.Hidden), (hide.Action, hide.FromStatus!.Value, hide.ToStatus!.Value));

        // A hidden entry only goes back where it was.
        Assert.Throws<ConflictException>(() => entry.MoveTo(EntryStatus.Submitted, Moderator, "Erreur.", Now));
        var show = entry.ShowAgain(Moderator, "Propos reformulés.", Now);
        Assert.Equal((EntryStatus.Accepted, (EntryStatus?)null), (entry.Status, entry.StatusBeforeHidden));
        Assert.Equal((AuditAction.Unhide, EntryStatus.Hidden, EntryStatus.Accepted, "Propos reformulés."), (show.Action, show.FromStatus!.Value, show.ToStatus!.Value, show.Reason));
        Assert.Throws<ConflictException>(() => entry.ShowAgain(Moderator, "Encore.", Now));
    }

    [Fact]
    public void A_duplicate_merges_into_an_open_entry_and_the_audit_row_names_the_target()
    {
        var source = An(EntryStatus.UnderReview, id: 1);
        var target = An(EntryStatus.Accepted, id: 2);
        var audit = source.MergeInto(target, Moderator, "Même sujet.", Now);
        Assert.Equal((EntryStatus.Merged, 2), (source.Status, source.MergedIntoId!.Value));
        Assert.Equal((AuditAction.Merge, EntryStatus.UnderReview, EntryStatus.Merged, 2, "Même sujet."),
            (audit.Action, audit.FromStatus!.Value, audit.ToStatus!.Value, audit.OtherEntryId!.Value, audit.Reason));
    }

    [Theory]
    [InlineData(EntryStatus.Declined, "Merge.TargetClosed")]
    [InlineData(EntryStatus.Done, "Merge.TargetClosed")]
    [InlineData(EntryStatus.Hidden, "Merge.TargetClosed")]
    [InlineData(EntryStatus.Merged, "Merge.TargetMerged")]
    public void A_merge_into_a_closed_or_merged_entry_is_refused_on_the_target_field(EntryStatus targetStatus, string key)
    {
        var source = An(EntryStatus.UnderReview, id: 1);
        var error = Assert.Throws<ValidationFailedException>(() => source.MergeInto(An(targetStatus, id: 2), Moderator, null, Now));
        Assert.Equal(("TargetId", key), (error.Errors.Single().Field, error.Errors.Single().MessageKey));
        Assert.Equal((EntryStatus.UnderReview, (int?)null), (source.Status, source.MergedIntoId));
    }

    [Fact]
    public void An_entry_cannot_merge_into_itself_nor_before_review()
    {
        var source = An(EntryStatus.UnderReview, id: 1);
        Assert.Equal("Merge.Self", Assert.Throws<ValidationFailedException>(() => source.MergeInto(source, Moderator, null, Now)).Errors.Single().MessageKey);
        Assert.Throws<ConflictException>(() => An(EntryStatus.Submitted, id: 3).MergeInto(An(EntryStatus.Submitted, id: 4), Moderator, null, Now));
        Assert.Throws<ForbiddenException>(() => An(EntryStatus.UnderReview, id: 5).MergeInto(An(EntryStatus.Submitted, id: 6), Agent, null, Now));
    }

    [Fact]
    public void An_accepted_entry_enters_the_plan_and_one_in_it_gets_another_project()
    {
        var entry = An(EntryStatus.Accepted);
        var first = entry.PutInPlan(projectId: 40, Moderator, Now);
        Assert.Equal(EntryStatus.InPlan, entry.Status);
        Assert.Collection(first,
            a => Assert.Equal((AuditAction.Promote, 40, EntryStatus.Accepted), (a.Action, a.ProjectId!.Value, a.FromStatus!.Value)),
            a => Assert.Equal((AuditAction.Transition, EntryStatus.Accepted, EntryStatus.InPlan), (a.Action, a.FromStatus!.Value, a.ToStatus!.Value)));

        var second = entry.PutInPlan(projectId: 41, Moderator, Now);
        Assert.Equal((AuditAction.Promote, 41), (Assert.Single(second).Action, second[0].ProjectId!.Value));
    }

    [Theory]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.UnderReview)]
    [InlineData(EntryStatus.Declined)]
    [InlineData(EntryStatus.Done)]
    public void Only_accepted_entries_enter_the_plan(EntryStatus status)
    {
        var entry = An(status);
        Assert.Throws<ConflictException>(() => entry.EnsureCanEnterPlan(Moderator));
        Assert.Throws<ConflictException>(() => entry.PutInPlan(40, Moderator, Now));
        Assert.Throws<ForbiddenException>(() => An(EntryStatus.Accepted).PutInPlan(40, Agent, Now));
        Assert.Equal(status, entry.Status);
    }

    [Fact]
    public void The_system_completes_an_entry_in_the_plan_and_nothing_else()
    {
        var entry = An(EntryStatus.InPlan);
        var audit = entry.Complete(Now);
        Assert.Equal(EntryStatus.Done, entry.Status);
        Assert.Equal((null, AuditAction.Transition, EntryStatus.InPlan, EntryStatus.Done), (audit.ActorId, audit.Action, audit.FromStatus!.Value, audit.ToStatus!.Value));
        Assert.Throws<ForbiddenException>(() => An(EntryStatus.Accepted).Complete(Now));
    }

    [Fact]
    public void Votes_recounted_from_scratch_give_the_count_and_the_score_of_their_dates()
    {
        var trending = new Trending(TimeSpan.FromDays(7));
        var entry = An(EntryStatus.UnderReview);
        // Two votes a half-life apart: 2^0 + 2^1 = 3 from the epoch... measured from Trending.Epoch.
        var first = Trending.Epoch;
        var second = Trending.Epoch.AddDays(7);
        entry.RecountVotes([second, first], trending);
        Assert.Equal(2, entry.VoteCount);
        Assert.Equal(Math.Log2(3), entry.TrendingScore, 9);
        entry.RecountVotes([], trending);
        Assert.Equal((0, Trending.NoVotes), (entry.VoteCount, entry.TrendingScore));
    }

    [Fact]
    public void A_new_entry_waits_for_triage_and_an_agents_has_no_origin_reference()
    {
        var entry = Entry.Submit(3, EntryKind.Idea, "Titre", "Texte", "<p>Texte</p>", 5, [], false, EntryOrigin.Agent, "REF", Now);
        Assert.Equal((EntryStatus.Submitted, Now, Now, (string?)null), (entry.Status, entry.CreatedAt, entry.UpdatedAt, entry.OriginReference));
        var recorded = Entry.Submit(3, EntryKind.Idea, "Titre", "Texte", "<p>Texte</p>", 5, [], false, EntryOrigin.InternalAudit, " AUD-1 ", Now);
        Assert.Equal("AUD-1", recorded.OriginReference);
    }
}
