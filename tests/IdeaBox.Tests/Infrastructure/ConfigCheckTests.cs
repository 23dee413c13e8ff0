using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>Production refuses the settings as shipped, one line per setting, and says what to put there.</summary>
public sealed class ConfigCheckTests
{
    private static IConfiguration Shipped(params (string Key, string? Value)[] overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            // The last value given for a key wins, as with several configuration sources.
            .AddInMemoryCollection(overrides.GroupBy(o => o.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value)))
            .Build();

    private static readonly (string, string?)[] Real =
    [
        ("Email:BaseUrl", "https://ideabox.finances.belgium.be"), ("Email:From", "IdeaBox <ideabox@finances.belgium.be>"),
        ("Email:Smtp:Host", "smtp.finances.belgium.be"), ("Organisation:AccessibilityContact", "accessibilite@finances.belgium.be"),
    ];

    [Fact]
    public void The_shipped_settings_name_each_placeholder_with_what_to_put_there()
    {
        var problems = ConfigCheck.Problems(Shipped());
        Assert.Equal(["Email:BaseUrl", "Email:From", "Email:Smtp:Host", "Organisation:AccessibilityContact"], problems.Select(p => p.Split(' ')[0]));
        Assert.Contains("https://ideabox.your-administration.be", problems[0]);
        Assert.Empty(ConfigCheck.Problems(Shipped(Real)));
    }

    [Fact]
    public void Without_email_its_settings_do_not_matter_but_a_named_certificate_must_exist()
    {
        Assert.Equal(["Organisation:AccessibilityContact"], ConfigCheck.Problems(Shipped(("Email:Mode", "None"))).Select(p => p.Split(' ')[0]));
        var missing = ConfigCheck.Problems(Shipped([.. Real, ("DataProtection:CertificatePath", "/run/secrets/absent.pfx")]));
        Assert.Equal("DataProtection:CertificatePath is '/run/secrets/absent.pfx', which does not exist: mount the PFX there or correct the path.", Assert.Single(missing));
        Assert.StartsWith("Email:BaseUrl is 'http://127.0.0.1:8080', which users cannot reach",
            Assert.Single(ConfigCheck.Problems(Shipped([.. Real, ("Email:BaseUrl", "http://127.0.0.1:8080")]))));
    }

    [Fact]
    public void Settings_that_do_not_convert_or_break_their_range_are_named_one_line_each_nested_ones_included()
    {
        var services = new ServiceCollection();
        var configuration = Shipped(Real);
        services.AddSettings<IdeaBox.Web.Infrastructure.Email.EmailOptions>(configuration.GetSection("Email"));
        services.AddSettings<IdeaBox.Web.Infrastructure.RateLimiting.RateLimitOptions>(configuration.GetSection("RateLimits"));
        Assert.Empty(Settings.Problems(services, configuration));

        var wrong = Shipped([.. Real, ("RateLimits:Vote:WindowSeconds", "0"), ("Email:Mode", "Pigeon"), ("RateLimits:LockoutMinutes", "-5")]);
        Assert.Equal(
        [
            "Email:Mode is 'Pigeon', which is not one of None, Pickup, Smtp: correct it, or remove it to keep the default.",
            "RateLimits:LockoutMinutes is '-5': The field LockoutMinutes must be between 1 and 1440.",
            "RateLimits:Vote:WindowSeconds is '0': The field WindowSeconds must be between 1 and 86400.",
        ], Settings.Problems(services, wrong));
    }

    [Fact]
    public async Task Production_refuses_to_start_on_placeholders_and_check_config_says_so_for_pipelines()
    {
        var folder = Directory.CreateTempSubdirectory("ideabox-config-").FullName;
        try
        {
            // The settings as published (appsettings.json next to the dll).
            string[] production = [AppProcess.Dll, "--environment", "Production", "--contentRoot", AppContext.BaseDirectory,
                "--ConnectionStrings:IdeaBox", $"Data Source={Path.Combine(folder, "x.db")}"];
            var (code, output) = await AppProcess.RunAsync(folder, production);
            Assert.Equal(1, code);
            Assert.Contains("IdeaBox configuration: Email:BaseUrl is 'http://localhost:5080'", output);
            Assert.False(File.Exists(Path.Combine(folder, "x.db")), "nothing was started");

            var (checkCode, check) = await AppProcess.RunAsync(folder, [.. production, ConfigCheck.Argument]);
            Assert.Equal((1, 4), (checkCode, check.Split('\n').Count(l => l.StartsWith("IdeaBox configuration: ", StringComparison.Ordinal))));
            var (fixedCode, fixedOutput) = await AppProcess.RunAsync(folder,
                [.. production, ConfigCheck.Argument, .. Real.SelectMany(r => new[] { "--" + r.Item1, r.Item2! })]);
            Assert.Equal((0, "IdeaBox configuration: no problem found."), (fixedCode, fixedOutput.Trim()));

            // A value that does not convert stops the start itself (every settings class is bound and checked then), in one line.
            var (badCode, bad) = await AppProcess.RunAsync(folder,
                [.. production, "--urls", "http://127.0.0.1:0", "--Jobs:PollSeconds", "toutes les dix secondes", .. Real.SelectMany(r => new[] { "--" + r.Item1, r.Item2! })]);
            Assert.Equal((1, "IdeaBox configuration: Jobs:PollSeconds is 'toutes les dix secondes', which is not a whole number: correct it, or remove it to keep the default."),
                (badCode, bad.Trim()));
            Assert.False(File.Exists(Path.Combine(folder, "x.db")), "nothing was started");

            // A value out of its declared range, nested settings included: --check-config names it for the pipeline.
            var (rangeCode, range) = await AppProcess.RunAsync(folder,
                [.. production, ConfigCheck.Argument, "--Email:Smtp:Port", "0", "--Email:DailySummaryHour", "25", .. Real.SelectMany(r => new[] { "--" + r.Item1, r.Item2! })]);
            Assert.Equal(1, rangeCode);
            Assert.Equal(
            [
                "IdeaBox configuration: Email:DailySummaryHour is '25': The field DailySummaryHour must be between 0 and 23.",
                "IdeaBox configuration: Email:Smtp:Port is '0': The field Port must be between 1 and 65535.",
            ], range.Trim().Split('\n').Select(l => l.Trim()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
