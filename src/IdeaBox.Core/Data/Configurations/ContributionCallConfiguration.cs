using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class ContributionCallConfiguration : IEntityTypeConfiguration<ContributionCall>
{
    public void Configure(EntityTypeBuilder<ContributionCall> c)
    {
        c.ToTable("Calls");
        c.Property(x => x.Question).HasMaxLength(ContributionCall.QuestionMaxLength).IsRequired();
        c.Property(x => x.Description).HasMaxLength(ContributionCall.DescriptionMaxLength);
        c.Ignore(x => x.Kinds);
        c.HasIndex(x => new { x.ClosesOn, x.OpensOn });
        c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Themes).WithMany().UsingEntity("CallThemes");
        c.HasMany(x => x.InvitedUnits).WithMany().UsingEntity("CallUnits");
    }
}
