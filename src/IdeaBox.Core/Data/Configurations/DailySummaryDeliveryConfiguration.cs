using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class DailySummaryDeliveryConfiguration : IEntityTypeConfiguration<DailySummaryDelivery>
{
    public void Configure(EntityTypeBuilder<DailySummaryDelivery> d)
    {
        d.HasKey(x => new { x.UserId, x.Day });
        d.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
