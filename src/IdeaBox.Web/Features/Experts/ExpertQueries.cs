namespace IdeaBox.Web.Features.Experts;

public sealed record PersonOption(int Id, string Name, string UnitName);

public sealed record ExpertRequestView(
    int Id, int EntryId, string EntryTitle, EntryKind EntryKind, string RequestedBy, string Question,
    DateTime RequestedAt, string? AnswerHtml, DateTime? AnsweredAt);

/// <summary>The reads the expert pages and the moderation page share.</summary>
public static class ExpertQueries
{
    /// <summary>The users with the Expert role, for the moderator's request form.</summary>
    public static async Task<IReadOnlyList<PersonOption>> ExpertsAsync(IdeaBoxDb db, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && u.DeletedAt == null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Unit!.Name))
            .ToListAsync(ct);

    /// <summary>
    /// The requests made to <paramref name="expertId"/> about entries that are not hidden: someone
    /// else's request, or one about an entry hidden since, answers exactly like a missing one.
    /// </summary>
    public static IQueryable<ExpertRequest> RequestsTo(IdeaBoxDb db, int expertId) =>
        db.ExpertRequests.AsNoTracking().Where(r => r.ExpertId == expertId && r.Entry!.Status != EntryStatus.Hidden);

    public static IQueryable<ExpertRequestView> View(this IQueryable<ExpertRequest> requests) =>
        requests.Select(r => new ExpertRequestView(r.Id, r.EntryId, r.Entry!.Title, r.Entry.Kind, r.RequestedBy!.DisplayName,
            r.Question, r.RequestedAt, r.AnswerHtml, r.AnsweredAt));
}
