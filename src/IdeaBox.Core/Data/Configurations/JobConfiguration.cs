using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Step).HasMaxLength(Job.StepMaxLength);
        b.Property(x => x.Result).HasMaxLength(Job.ResultMaxLength);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.HasIndex(x => x.OwnerId);
    }
}
