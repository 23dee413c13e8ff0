using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> c)
    {
        c.Property(x => x.Name).HasMaxLength(Cluster.NameMaxLength).IsRequired();
        c.Property(x => x.Summary).HasMaxLength(Cluster.SummaryMaxLength);
        c.HasIndex(x => x.Name);
        c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
