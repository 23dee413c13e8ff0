using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Data.Seeding;

/// <summary>The "Seed" section of the configuration: demo data, in Development only.</summary>
public sealed class SeedOptions
{
    /// <summary>Fill an empty database with demo data. Development only.</summary>
    public bool Demo { get; set; }
    /// <summary>The one password of every demo account; set in appsettings.Development.json only.</summary>
    public string? DemoPassword { get; set; }
    [Range(1, 1_000_000)]
    public int Users { get; set; } = 300;
    [Range(0, 1_000_000)]
    public int Entries { get; set; } = 400;
    public int RandomSeed { get; set; } = 20131128;
}
