using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

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
