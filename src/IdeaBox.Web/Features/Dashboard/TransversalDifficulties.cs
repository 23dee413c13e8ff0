namespace IdeaBox.Web.Features.Dashboard;

public sealed record TransversalRow(int Id, string Title, string UnitName, int SupportAdministrations, int SupportUnits, int VoteCount);

/// <summary>The difficulties of the period and units whose support crosses the most administrations, then units (the slides' "transversalités").</summary>
public static class TransversalDifficulties
{
    public const int Top = 5;

    public static async Task<IReadOnlyList<TransversalRow>> ComputeAsync(IdeaBoxDb db, DashboardScope scope, CancellationToken ct) =>
        await scope.Entries(db).Where(e => e.Kind == EntryKind.Difficulty && e.SupportUnits > 1)
            .OrderByDescending(e => e.SupportAdministrations).ThenByDescending(e => e.SupportUnits).ThenByDescending(e => e.VoteCount).ThenByDescending(e => e.Id)
            .Take(Top)
            .Select(e => new TransversalRow(e.Id, e.Title, e.Unit!.Name, e.SupportAdministrations, e.SupportUnits, e.VoteCount))
            .ToListAsync(ct);
}
