using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> a)
    {
        a.Property(x => x.ThemesBefore).HasMaxLength(AuditEvent.ThemesMaxLength);
        a.Property(x => x.ThemesAfter).HasMaxLength(AuditEvent.ThemesMaxLength);
        a.Property(x => x.Reason).HasMaxLength(AuditEvent.ReasonMaxLength);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.OtherEntryId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<PlanNode>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.EntryId, x.At });
        a.HasIndex(x => x.At);
    }
}
