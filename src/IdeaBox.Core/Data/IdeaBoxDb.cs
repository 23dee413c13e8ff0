using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IdeaBox.Data;

public sealed class IdeaBoxDb(DbContextOptions<IdeaBoxDb> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<EntryAnswer> EntryAnswers => Set<EntryAnswer>();
    public DbSet<ExpertRequest> ExpertRequests => Set<ExpertRequest>();
    public DbSet<PlanNode> PlanNodes => Set<PlanNode>();
    public DbSet<ProjectEntry> ProjectEntries => Set<ProjectEntry>();
    public DbSet<ProjectNote> ProjectNotes => Set<ProjectNote>();
    public DbSet<SuccessStory> SuccessStories => Set<SuccessStory>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Branding> Branding => Set<Branding>();
    public DbSet<ContributionCall> Calls => Set<ContributionCall>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<MailRetry> MailRetries => Set<MailRetry>();
    public DbSet<DailySummaryDelivery> DailySummaryDeliveries => Set<DailySummaryDelivery>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IdeaBoxDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every instant is UTC; SQLite hands DateTime back as Unspecified, so say it again on read.
        configuration.Properties<DateTime>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
