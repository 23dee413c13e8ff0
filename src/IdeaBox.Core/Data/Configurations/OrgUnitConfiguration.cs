using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> u)
    {
        u.ToTable("Units");
        u.Property(x => x.Name).HasMaxLength(OrgUnit.NameMaxLength).IsRequired();
        u.Property(x => x.Path).HasMaxLength(400).IsRequired();
        u.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        u.Property(x => x.Code).HasMaxLength(OrgUnit.CodeMaxLength);
        u.HasIndex(x => x.Path);
        u.HasIndex(x => x.Code).IsUnique();
    }
}
