namespace IdeaBox.Web.Features.Admin;

/// <summary>A line of the security log as administrators read it, with the names of who it concerns and who did it.</summary>
public sealed record SecurityEventRow(long Id, DateTime At, SecurityEventKind Kind, int? UserId, string? UserName, string? Email,
    int? ActorId, string? ActorName, string? IpAddress, string? Detail)
{
    /// <summary>The events of <paramref name="events"/>, newest first, with the names joined.</summary>
    public static IQueryable<SecurityEventRow> Query(IdeaBoxDb db, IQueryable<SecurityEvent> events) =>
        events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new SecurityEventRow(e.Id, e.At, e.Kind, e.UserId,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(), e.Email,
                e.ActorId, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                e.IpAddress, e.Detail));
}
