using IdeaBox.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> a)
    {
        a.Property(x => x.From).HasMaxLength(1000);
        a.Property(x => x.To).HasMaxLength(1000);
        a.Property(x => x.Reason).HasMaxLength(2000);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.EntryId, x.At });
        a.HasIndex(x => x.At);
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> f)
    {
        f.HasKey(x => new { x.EntryId, x.UserId });
        f.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => x.UserId);
    }
}

internal sealed class EntryAnswerConfiguration : IEntityTypeConfiguration<EntryAnswer>
{
    public void Configure(EntityTypeBuilder<EntryAnswer> a)
    {
        a.HasKey(x => new { x.AnswerId, x.DifficultyId });
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.DifficultyId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => x.DifficultyId);
    }
}

internal sealed class ExpertRequestConfiguration : IEntityTypeConfiguration<ExpertRequest>
{
    public void Configure(EntityTypeBuilder<ExpertRequest> r)
    {
        r.Property(x => x.Question).HasMaxLength(ExpertRequest.QuestionMaxLength).IsRequired();
        r.Property(x => x.Answer).HasMaxLength(ExpertRequest.AnswerMaxLength);
        r.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Expert).WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne(x => x.RequestedBy).WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.ExpertId, x.AnsweredAt });
        r.HasIndex(x => x.EntryId);
    }
}

internal sealed class PlanNodeConfiguration : IEntityTypeConfiguration<PlanNode>
{
    public void Configure(EntityTypeBuilder<PlanNode> p)
    {
        p.Property(x => x.Title).HasMaxLength(PlanNode.TitleMaxLength).IsRequired();
        p.Property(x => x.Description).HasMaxLength(PlanNode.DescriptionMaxLength);
        p.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => new { x.ParentId, x.Position });
    }
}

internal sealed class ProjectEntryConfiguration : IEntityTypeConfiguration<ProjectEntry>
{
    public void Configure(EntityTypeBuilder<ProjectEntry> pe)
    {
        pe.HasKey(x => new { x.ProjectId, x.EntryId });
        pe.HasOne<PlanNode>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        pe.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        pe.HasIndex(x => x.EntryId);
    }
}

internal sealed class ProjectNoteConfiguration : IEntityTypeConfiguration<ProjectNote>
{
    public void Configure(EntityTypeBuilder<ProjectNote> n)
    {
        n.Property(x => x.Body).HasMaxLength(ProjectNote.BodyMaxLength).IsRequired();
        n.HasOne<PlanNode>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        n.HasIndex(x => new { x.ProjectId, x.At });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.Subject).HasMaxLength(300).IsRequired();
        n.Property(x => x.Detail).HasMaxLength(300);
        n.Property(x => x.Reason).HasMaxLength(2000);
        n.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.SetNull);
        // The bell's unread count and the page's list.
        n.HasIndex(x => new { x.UserId, x.ReadAt });
        n.HasIndex(x => new { x.UserId, x.CreatedAt });
        // The e-mail sender's queue.
        n.HasIndex(x => x.EmailedAt);
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> d)
    {
        d.HasKey(x => new { x.UserId, x.WeekStart });
        d.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
