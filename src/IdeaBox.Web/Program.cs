using IdeaBox.Web.Data.Seeding;
using IdeaBox.Web.Features.Accounts;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure.CommandLine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

// "probe" asks a running node whether it is ready (the container's health check), and nothing else.
if (ProbeCommand.Parse(args) is { } probe) return await probe.RunAsync(Console.Out);

// "admin create …" runs a command against the database instead of the web server; "migrate" only
// brings the database up to date (with an owner's login, when the app's own login may not change tables).
var command = AdminCommand.Parse(args);
var migrateOnly = args is ["migrate", ..];
var checkConfig = args.Contains(ConfigCheck.Argument);
var backup = BackupCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? backup?.HostArgs
    ?? (migrateOnly ? args[1..] : args.Where(a => a != ConfigCheck.Argument).ToArray()));
var services = builder.Services;
builder.AddIdeaBoxTelemetry();
// How long a stopping node lets its in-flight requests and mail batches finish (SIGTERM from an orchestrator).
services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:ShutdownTimeoutSeconds", 30)));

// Settings left as shipped (placeholder addresses, localhost, no SMTP server) stop a production start, one line each.
if (checkConfig && ConfigCheck.Problems(builder.Configuration) is { Count: > 0 } placeholders) return ConfigCheck.Report(placeholders, Console.Out);
if (builder.Environment.IsProduction() && command is null && backup is null && !migrateOnly && ConfigCheck.Problems(builder.Configuration) is { Count: > 0 } problems)
    return ConfigCheck.Report(problems, Console.Error);

// Data: SQLite by default, SQL Server by configuration; Data Protection keys shared in the database.
services.AddIdeaBoxDatabase(builder.Configuration, builder.Environment.ContentRootPath);
services.AddIdeaBoxDataProtection(builder.Configuration);
services.AddIdeaBoxHealthChecks(builder.Configuration);

// Identity: accounts, roles, the cookie, lockout against password guessing, passwords as ASVS asks
// (length, not composition; common passwords refused), links that expire.
var accounts = builder.Configuration.GetSection("Accounts");
services.AddSettings<AccountOptions>(accounts);
services.AddIdentity<AppUser, IdentityRole<int>>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = PasswordPolicy.MinLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        // Password failures lock an account through SignInThrottle (which throttles each address first);
        // Identity's own count, with the same figures, covers the second factor's codes.
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        o.Lockout.MaxFailedAccessAttempts = limits.FailuresBeforeLockout;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(limits.LockoutMinutes);
        o.Tokens.AuthenticatorIssuer = "IdeaBox";
    })
    .AddEntityFrameworkStores<IdeaBoxDb>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddSignInManager<AppSignInManager>()
    .AddPasswordValidator<PasswordPolicy>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);
services.Configure<DataProtectionTokenProviderOptions>(o =>
    o.TokenLifespan = TimeSpan.FromHours(accounts.GetValue("PasswordResetHours", new AccountOptions().PasswordResetHours)));
services.Configure<InvitationTokenProviderOptions>(o =>
{
    o.Name = InvitationTokenProvider.ProviderName;
    o.TokenLifespan = TimeSpan.FromDays(accounts.GetValue("InvitationDays", new AccountOptions().InvitationDays));
});
// The cookie's roles are refreshed from the database every minute, so a role change applies without signing out.
services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
services.AddWebSecurity(builder.Configuration);
services.AddRequestLimits(builder.Configuration);
var security = builder.Configuration.GetSection(WebSecurityOptions.Section).Get<WebSecurityOptions>() ?? new WebSecurityOptions();
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.Cookie.Name = security.CookiePrefix + WebSecurity.AuthCookie;
    o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Idle timeout renewed by use; the absolute lifetime and "remember me" are set at sign-in.
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.GetValue("SessionIdleMinutes", new AccountOptions().SessionIdleMinutes));
    o.Events.OnSigningIn = SessionValidation.SigningInAsync;
    // A disabled account, or one whose security stamp changed, loses its sessions at their next request.
    o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
    // A refusal is a 403 page in the user's language, not a redirect.
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});

// The organisation's sign-in (OpenID Connect), when Authentication:Oidc is configured.
services.AddOrganisationSignIn(builder.Configuration);
services.AddScoped<DirectoryAccounts>();
services.AddSingleton<TwoFactorRequirement>();

// Authorization: every page needs a signed-in user; each permission of the domain is a policy of the same name.
var authorization = services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
foreach (var (permission, roles) in Permissions.Roles)
    authorization.AddPolicy(permission, p => p.RequireRole(roles));

// Application: use cases through the mediator (each message declares who may send it), domain services, the current user.
services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(MetricsBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(ConcurrencyBehavior<,>)];
});
services.AddSingleton(TimeProvider.System);
services.AddSingleton(new Trending(TimeSpan.FromDays(builder.Configuration.GetValue("Trending:HalfLifeDays", 7d))));
services.AddSingleton<MarkdownRenderer>();
services.AddHttpContextAccessor();
services.AddScoped<ActingUser>();
services.AddScoped<ICurrentUser>(ActingUser.Resolve);
services.AddScoped<Notifier>();
services.AddScoped<EntryMoves>();
services.AddScoped<IdeaBox.Web.Features.Plan.PlanPromotion>();
services.AddScoped<IdeaBox.Web.Features.Clusters.ClusterMembers>();
services.AddScoped<IdeaBox.Web.Features.Calls.CallSchedule>();
services.AddSingleton<IdeaBox.Web.Features.Admin.BrandingStore>();
services.AddSecurityHeaderPolicies().AddPolicy(SecurityHeaders.Logo, SecurityHeaders.LogoPolicy());
services.AddScoped<IdeaBox.Web.Features.Calls.CallViews>();
services.AddScoped<NewEntries>();
services.AddScoped<EntryListQuery>();
services.AddScoped<PlanEffects>();
services.AddScoped<SecurityLog>();
services.AddHostedService<SecurityLogPurge>();
services.AddScoped<Invitations>();
services.AddScoped<PersonalData>();
services.AddSettings<SeedOptions>(builder.Configuration.GetSection("Seed"));
services.AddScoped<DemoSeeder>();

// Caching: counts, searches and form options for seconds, the dashboard for minutes; shared through Redis when configured.
services.AddMemoryCache();
services.AddIdeaBoxCaching(builder.Configuration);
services.AddSettings<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));

// E-mail: notifications and the weekly digest, by SMTP or to a pickup folder (Development).
services.AddSettings<EmailOptions>(builder.Configuration.GetSection("Email"));
services.AddSingleton<MailKitTransport>();
services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MailRetries>(sp,
    (IMailTransport)new CountingMailTransport(sp.GetRequiredService<MailKitTransport>(), sp.GetRequiredService<IdeaBoxMetrics>())));
services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<MailRetries>());
services.AddSingleton<NotificationMailer>();
services.AddSingleton<AccountMailer>();
services.AddSingleton<WeeklyDigest>();
services.AddSingleton<DailySummary>();
services.AddHostedService<MailWorker>();
services.AddSettings<TransversalOptions>(builder.Configuration.GetSection(TransversalOptions.Section));
services.AddSettings<IdeaBox.Web.Features.Calls.CallOptions>(builder.Configuration.GetSection(IdeaBox.Web.Features.Calls.CallOptions.Section));
services.AddHostedService<IdeaBox.Web.Features.Calls.CallWorker>();
services.AddHostedService<BreadthWorker>();
services.AddSettings<IdeaBox.Web.Features.Jobs.JobOptions>(builder.Configuration.GetSection(IdeaBox.Web.Features.Jobs.JobOptions.Section));
services.AddSingleton<IdeaBox.Web.Features.Jobs.JobSignal>();
services.AddSingleton<IdeaBox.Web.Features.Jobs.JobRunner>();
services.AddScoped<IdeaBox.Web.Features.Jobs.JobQueue>();
services.AddScoped<IdeaBox.Web.Features.Jobs.JobProgress>();
services.AddHostedService<IdeaBox.Web.Features.Jobs.JobWorker>();
services.AddSettings<IdeaBox.Web.Features.Reports.ReportOptions>(builder.Configuration.GetSection(IdeaBox.Web.Features.Reports.ReportOptions.Section));

// Interface: Razor Pages in French first, English second; each area's pages require its permission.
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CachingStringLocalizerFactory>();
services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/Moderation", Permissions.Moderate);
        o.Conventions.AuthorizeFolder("/Plan/Nodes", Permissions.Moderate);
        o.Conventions.AuthorizePage("/Entries/Moderate", Permissions.Moderate);
        o.Conventions.AuthorizePage("/Calls/New", Permissions.Moderate);
        o.Conventions.AuthorizePage("/Calls/Edit", Permissions.Moderate);
        o.Conventions.AuthorizeFolder("/Admin", Permissions.Administer);
        o.Conventions.AuthorizeFolder("/Expert", Permissions.GiveExpertOpinions);
        o.Conventions.AuthorizeFolder("/Dashboard", Permissions.ReadDashboard);
    })
    .AddMvcOptions(o =>
    {
        o.Filters.Add<ExceptionStatusFilter>();
        o.Filters.Add<TwoFactorRequirement>();
        o.ModelBindingMessageProvider.UseLocalizedMessages();
    })
    .AddViewLocalization();
services.Configure<RequestLocalizationOptions>(Cultures.Configure);

// Every settings class bound and checked now: a value that does not convert or breaks its declared range stops
// any start (web, migrate, admin, backup) with one line naming it; --check-config reports the same and exits.
var invalid = Settings.Problems(services, builder.Configuration);
if (checkConfig || invalid.Count > 0) return ConfigCheck.Report(invalid, checkConfig ? Console.Out : Console.Error);

var app = builder.Build();
if (command is not null) return await command.RunAsync(app.Services, Console.Out);
if (backup is not null) return await backup.RunAsync(app.Services, Console.Out);
if (migrateOnly)
{
    await app.Services.PrepareDatabaseAsync();
    Console.WriteLine("The database is up to date.");
    return 0;
}

app.UseWebSecurity();
app.UseSecurityHeaders(SecurityHeaders.Policy(builder.Configuration.GetSection("Authentication:Oidc").Get<OidcOptions>()?.Origin));
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error/500");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseNoStoreForSignedInUsers();
app.UseRateLimiter();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapIdeaBoxHealthChecks();
IdeaBox.Web.Infrastructure.BrandingEndpoints.Map(app);

// Migrations at start-up by default; off (Database:MigrateOnStartup=false) when the app's login may only read and write rows.
if (builder.Configuration.GetValue("Database:MigrateOnStartup", true)) await app.Services.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
