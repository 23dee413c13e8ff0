using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class SuccessStoryConfiguration : IEntityTypeConfiguration<SuccessStory>
{
    public void Configure(EntityTypeBuilder<SuccessStory> s)
    {
        s.Property(x => x.WhatChanged).HasMaxLength(SuccessStory.WhatChangedMaxLength).IsRequired();
        // One story per entry: featuring it again rewrites it.
        s.HasIndex(x => x.EntryId).IsUnique();
        s.HasIndex(x => x.FeaturedAt);
        s.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne(x => x.ContactUnit).WithMany().HasForeignKey(x => x.ContactUnitId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.FeaturedById).OnDelete(DeleteBehavior.Restrict);
    }
}
