using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.Subject).HasMaxLength(Notification.SubjectMaxLength).IsRequired();
        n.Property(x => x.Detail).HasMaxLength(Notification.DetailMaxLength);
        n.Property(x => x.Reason).HasMaxLength(Notification.ReasonMaxLength);
        n.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.SetNull);
        // The bell's unread count and the page's list.
        n.HasIndex(x => new { x.UserId, x.ReadAt });
        n.HasIndex(x => new { x.UserId, x.CreatedAt });
        // Not a foreign key (a second cascade path from an entry on SQL Server): hiding a comment deletes its notifications by this index.
        n.HasIndex(x => x.CommentId).HasFilter("CommentId IS NOT NULL");
        // The e-mail sender's queue.
        n.HasIndex(x => x.EmailedAt);
    }
}
