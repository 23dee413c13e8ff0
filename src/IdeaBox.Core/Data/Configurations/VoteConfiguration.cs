using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> v)
    {
        // The key is the unique (entry, user) pair: concurrent double clicks count once.
        v.HasKey(x => new { x.EntryId, x.UserId });
        v.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => x.UserId);
        // The dashboard's period filters and weekly series; votes per entry in a period from the index alone.
        v.HasIndex(x => x.CreatedAt);
        v.HasIndex(x => new { x.EntryId, x.CreatedAt });
    }
}
