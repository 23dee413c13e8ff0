using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> r)
    {
        r.Property(x => x.Details).HasMaxLength(Report.DetailsMaxLength);
        r.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.NoAction);
        r.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.NoAction);
        r.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ResolvedById).OnDelete(DeleteBehavior.NoAction);
        // Once per person and content: SQLite counts NULLs as distinct, so one filtered index for entries, one for comments.
        r.HasIndex(x => new { x.ReporterId, x.EntryId }).IsUnique().HasFilter("CommentId IS NULL");
        r.HasIndex(x => new { x.ReporterId, x.CommentId }).IsUnique().HasFilter("CommentId IS NOT NULL");
        // The moderators' queue: what waits.
        r.HasIndex(x => new { x.ResolvedAt, x.EntryId });
    }
}
