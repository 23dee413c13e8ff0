using IdeaBox.Web.Data.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Tells whoever ran <c>dotnet run</c> where the app is and how to sign in to the demo.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        // Production's console is one JSON object per line for the log collector; the address is in the "Now listening on" line.
        if (app.Environment.IsProduction()) return;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"IdeaBox is running at {string.Join(", ", addresses)}");
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (!seeder.IsEnabled) return;
        var password = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value.DemoPassword;
        Console.WriteLine($"Demo accounts ({app.Environment.EnvironmentName} only), password: {password}");
        foreach (var account in DemoSeeder.Accounts)
            Console.WriteLine($"  {account.Role,-14} {account.Email}");
        Console.WriteLine();
    }
}
