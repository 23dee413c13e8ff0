using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>What surrounds an entry on its page: following, expert opinions, answer links, and the discussions of the duplicates merged into it.</summary>
public sealed record GetEntryRelations(int EntryId) : IQuery<EntryRelations>;

public sealed record LinkedEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

public sealed record ExpertOpinion(string ExpertName, string Question, string AnswerHtml, DateTime AnsweredAt);

public sealed record PendingExpertRequest(string ExpertName, string Question, DateTime RequestedAt);

public sealed record MergedDiscussion(int Id, string Title, IReadOnlyList<CommentView> Comments);

public sealed record EntryRelations(
    bool IsFollowing,
    IReadOnlyList<ExpertOpinion> ExpertOpinions,
    /// <summary>Moderators only: questions the experts have not answered yet.</summary>
    IReadOnlyList<PendingExpertRequest> PendingRequests,
    /// <summary>For a difficulty: the ideas and initiatives that answer it.</summary>
    IReadOnlyList<LinkedEntry> AnsweredBy,
    /// <summary>For an idea or an initiative: the difficulties it answers.</summary>
    IReadOnlyList<LinkedEntry> Answers,
    IReadOnlyList<MergedDiscussion> MergedDiscussions);

public sealed class GetEntryRelationsHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEntryRelations, EntryRelations>
{
    public async ValueTask<EntryRelations> Handle(GetEntryRelations query, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, query.EntryId, ct);
        var id = query.EntryId;
        var isFollowing = await db.Follows.AnyAsync(f => f.EntryId == id && f.UserId == user.Id, ct);
        var requests = await db.ExpertRequests.AsNoTracking().Where(r => r.EntryId == id).OrderBy(r => r.RequestedAt)
            .Select(r => new { ExpertName = r.Expert!.DisplayName, r.Question, r.AnswerHtml, r.AnsweredAt, r.RequestedAt }).ToListAsync(ct);
        var opinions = requests.Where(r => r.AnsweredAt is not null)
            .Select(r => new ExpertOpinion(r.ExpertName, r.Question, r.AnswerHtml!, r.AnsweredAt!.Value)).ToList();
        var pending = user.IsModerator
            ? requests.Where(r => r.AnsweredAt is null).Select(r => new PendingExpertRequest(r.ExpertName, r.Question, r.RequestedAt)).ToList()
            : [];

        var listed = db.Entries.Where(e => e.Status != EntryStatus.Hidden || user.IsModerator);
        var answeredBy = await db.EntryAnswers.Where(a => a.DifficultyId == id)
            .Join(listed, a => a.AnswerId, e => e.Id, (_, e) => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct);
        var answers = await db.EntryAnswers.Where(a => a.AnswerId == id)
            .Join(listed, a => a.DifficultyId, e => e.Id, (_, e) => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct);

        var sources = await db.Entries.AsNoTracking().Where(e => e.MergedIntoId == id && e.CommentCount > 0)
            .Select(e => new { e.Id, e.Title, e.AuthorId, e.HideAuthorName }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var merged = new List<MergedDiscussion>();
        foreach (var source in sources)
            merged.Add(new MergedDiscussion(source.Id, source.Title,
                await CommentThreads.LoadAsync(db, source.Id, source.AuthorId, source.HideAuthorName, user.Id, user.IsModerator, now, ct)));

        return new EntryRelations(isFollowing, opinions, pending, answeredBy, answers, merged);
    }
}
