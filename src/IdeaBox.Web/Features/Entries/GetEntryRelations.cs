using IdeaBox.Web.Features.Comments;

namespace IdeaBox.Web.Features.Entries;

/// <summary>What surrounds an entry on its page: following, expert opinions, answer links, and the discussions of the duplicates merged into it.</summary>
[AnySignedInUser]
public sealed record GetEntryRelations(int EntryId) : IQuery<EntryRelations>;

public sealed record LinkedEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

public sealed record ExpertOpinion(string ExpertName, string Question, string AnswerHtml, DateTime AnsweredAt);

public sealed record PendingExpertRequest(string ExpertName, string Question, DateTime RequestedAt);

public sealed record MergedDiscussion(int Id, string Title, IReadOnlyList<CommentView> Comments);

/// <param name="PendingRequests">Moderators only: questions the experts have not answered yet.</param>
/// <param name="AnsweredBy">For a difficulty: the ideas and initiatives that answer it.</param>
/// <param name="Answers">For an idea or an initiative: the difficulties it answers.</param>
public sealed record EntryRelations(
    bool IsFollowing,
    IReadOnlyList<ExpertOpinion> ExpertOpinions,
    IReadOnlyList<PendingExpertRequest> PendingRequests,
    IReadOnlyList<LinkedEntry> AnsweredBy,
    IReadOnlyList<LinkedEntry> Answers,
    IReadOnlyList<MergedDiscussion> MergedDiscussions);

public sealed class GetEntryRelationsHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEntryRelations, EntryRelations>
{
    public async ValueTask<EntryRelations> Handle(GetEntryRelations query, CancellationToken ct)
    {
        var id = query.EntryId;
        var userId = user.Id;
        // One query says what exists; the details are read only for what does (most entries have none).
        var facts = await db.Entries.AsNoTracking().VisibleTo(user).Where(e => e.Id == id)
            .Select(e => new
            {
                IsFollowing = db.Follows.Any(f => f.EntryId == id && f.UserId == userId),
                HasRequests = db.ExpertRequests.Any(r => r.EntryId == id),
                HasAnswers = db.EntryAnswers.Any(a => a.AnswerId == id || a.DifficultyId == id),
                // Only entries still merged: one hidden since then shows nowhere (hidden wins).
                HasMerged = db.Entries.Any(m => m.MergedIntoId == id && m.Status == EntryStatus.Merged && m.CommentCount > 0),
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {id}");

        List<ExpertOpinion> opinions = [];
        List<PendingExpertRequest> pending = [];
        if (facts.HasRequests)
        {
            var requests = await db.ExpertRequests.AsNoTracking().Where(r => r.EntryId == id).OrderBy(r => r.RequestedAt)
                .Select(r => new { ExpertName = r.Expert!.DisplayName, r.Question, r.AnswerHtml, r.AnsweredAt, r.RequestedAt }).ToListAsync(ct);
            opinions = requests.Where(r => r.AnsweredAt is not null)
                .Select(r => new ExpertOpinion(r.ExpertName, r.Question, r.AnswerHtml!, r.AnsweredAt!.Value)).ToList();
            if (user.Moderates)
                pending = requests.Where(r => r.AnsweredAt is null).Select(r => new PendingExpertRequest(r.ExpertName, r.Question, r.RequestedAt)).ToList();
        }

        List<LinkedEntry> answeredBy = [], answers = [];
        if (facts.HasAnswers)
        {
            var visible = db.Entries.VisibleTo(user);
            answeredBy = await db.EntryAnswers.Where(a => a.DifficultyId == id)
                .Join(visible, a => a.AnswerId, e => e.Id, (_, e) => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct);
            answers = await db.EntryAnswers.Where(a => a.AnswerId == id)
                .Join(visible, a => a.DifficultyId, e => e.Id, (_, e) => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct);
        }

        var merged = new List<MergedDiscussion>();
        if (facts.HasMerged)
        {
            var sources = await db.Entries.AsNoTracking().Where(e => e.MergedIntoId == id && e.Status == EntryStatus.Merged && e.CommentCount > 0)
                .Select(e => new { e.Id, e.Title, e.AuthorId, e.HideAuthorName }).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var source in sources)
                merged.Add(new MergedDiscussion(source.Id, source.Title,
                    await CommentThreads.LoadAsync(db, source.Id, source.AuthorId, source.HideAuthorName, userId, user.Moderates, now, ct)));
        }

        return new EntryRelations(facts.IsFollowing, opinions, pending, answeredBy, answers, merged);
    }
}
