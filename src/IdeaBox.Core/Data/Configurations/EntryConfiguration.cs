using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> e)
    {
        e.Property(x => x.Title).HasMaxLength(EntryRules.TitleMaxLength).IsRequired();
        e.Property(x => x.Body).HasMaxLength(EntryRules.BodyMaxLength).IsRequired();
        e.Property(x => x.BodyHtml).IsRequired();
        // Every change saved from a loaded entry carries the status it was loaded with in its WHERE: of two
        // moderators moving the same entry, the second gets a conflict instead of overwriting the first.
        e.Property(x => x.Status).IsConcurrencyToken();
        e.Property(x => x.StatusReason).HasMaxLength(Transitions.ReasonMaxLength);
        e.Property(x => x.OriginReference).HasMaxLength(Entry.OriginReferenceMaxLength);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Entry>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Themes).WithMany(t => t.Entries).UsingEntity("EntryThemes");
        e.HasOne<Cluster>().WithMany().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Call).WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ClusterId).HasFilter("ClusterId IS NOT NULL");
        e.HasIndex(x => x.CallId).HasFilter("CallId IS NOT NULL");

        // One index per sort of the list, so each is an indexed ORDER BY.
        e.HasIndex(x => x.TrendingScore);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.VoteCount);
        e.HasIndex(x => x.CommentCount);
        e.HasIndex(x => new { x.SupportAdministrations, x.SupportUnits });
        // Only the entries waiting for their breadth to be recounted: a handful at any time.
        e.HasIndex(x => x.BreadthStale).HasFilter("BreadthStale = 1");
        e.HasIndex(x => new { x.AuthorId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.Kind });
        // The triage queue: one state, oldest first, a page at a time without sorting the whole state.
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        // Only merged duplicates have a target: a partial index stays tiny and the planner always picks it.
        e.HasIndex(x => x.MergedIntoId).HasFilter("MergedIntoId IS NOT NULL");
    }
}
