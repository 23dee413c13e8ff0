using System.Globalization;
using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web;
using IdeaBox.Web.Data.Seeding;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

// Data: SQLite by default, SQL Server by configuration; Data Protection keys shared in the database.
services.AddIdeaBoxDatabase(builder.Configuration, builder.Environment.ContentRootPath);
services.AddDataProtection().SetApplicationName("IdeaBox").PersistKeysToDbContext<IdeaBoxDb>();
services.AddHealthChecks().AddDbContextCheck<IdeaBoxDb>();

// Identity: accounts, roles, the cookie, lockout against password guessing.
services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<int>>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    })
    .AddEntityFrameworkStores<IdeaBoxDb>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddDefaultTokenProviders();
// The cookie's roles are refreshed from the database every minute, so a role change applies without signing out.
services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.Cookie.Name = "IdeaBox.Auth";
    // A refusal is a 403 page in the user's language, not a redirect.
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Roles.Moderator, p => p.RequireRole(Roles.Moderator))
    .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator))
    .AddPolicy(Roles.Expert, p => p.RequireRole(Roles.Expert))
    .AddPolicy("Dashboard", p => p.RequireRole(Roles.Leadership, Roles.Moderator, Roles.Administrator));

// Application: use cases through the mediator, domain services, the current user.
services.AddMediator(options => { options.ServiceLifetime = ServiceLifetime.Scoped; });
services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
services.AddSingleton(TimeProvider.System);
services.AddSingleton(new Trending(TimeSpan.FromDays(builder.Configuration.GetValue("Trending:HalfLifeDays", 7d))));
services.AddSingleton<MarkdownRenderer>();
services.AddHttpContextAccessor();
services.AddScoped<ICurrentUser, HttpCurrentUser>();
services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
services.AddScoped<DemoSeeder>();
services.AddScoped<IdeaBox.Web.Features.Notifications.Notifier>();
services.AddScoped<IdeaBox.Web.Features.Plan.PlanEffects>();

// Dashboard: figures computed by query handlers, reused for a few minutes per node.
services.AddMemoryCache();
services.Configure<IdeaBox.Web.Features.Dashboard.DashboardOptions>(builder.Configuration.GetSection("Dashboard"));

// E-mail: notifications and the weekly digest, by SMTP or to a pickup folder (Development).
services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
services.AddSingleton<IMailTransport, MailKitTransport>();
services.AddSingleton<NotificationMailer>();
services.AddSingleton<WeeklyDigest>();
services.AddHostedService<MailWorker>();

// Interface: Razor Pages in French first, English second.
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.AddRazorPages(o =>
    {
        // Each area's pages refuse (403) users without its role; the handlers check again.
        o.Conventions.AuthorizeFolder("/Moderation", Roles.Moderator);
        o.Conventions.AuthorizeFolder("/Plan/Nodes", Roles.Moderator);
        o.Conventions.AuthorizePage("/Entries/Moderate", Roles.Moderator);
        o.Conventions.AuthorizeFolder("/Admin", Roles.Administrator);
        o.Conventions.AuthorizeFolder("/Expert", Roles.Expert);
        o.Conventions.AuthorizeFolder("/Dashboard", "Dashboard");
    })
    .AddMvcOptions(o =>
    {
        o.Filters.Add<ExceptionStatusFilter>();
        o.ModelBindingMessageProvider.UseLocalizedMessages();
    })
    .AddViewLocalization();
services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [new("fr-BE"), new("en-GB")];
    o.DefaultRequestCulture = new RequestCulture("fr-BE");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    // The interface is French unless the user chose otherwise: the browser's language is not asked.
    o.RequestCultureProviders = [new CookieRequestCultureProvider()];
});

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error/500");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSecurityHeaders(SecurityHeaders.Policy());
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapHealthChecks("/health").AllowAnonymous();

await app.Services.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
