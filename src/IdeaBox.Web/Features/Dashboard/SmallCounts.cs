using System.Globalization;

namespace IdeaBox.Web.Features.Dashboard;

/// <summary>
/// Statistical disclosure control for the figures by unit: a count from 1 to <see cref="Threshold"/> − 1
/// is written "&lt; 5" (and a share computed from one is not written), on the page, in the charts and in
/// the exports, so that leadership cannot single out the one or two people of a small unit. Zero is shown:
/// it points at nobody. See docs/decisions/0012-small-counts.md.
/// </summary>
public sealed record SmallCounts(int Threshold)
{
    public bool Hides(int count) => count > 0 && count < Threshold;

    public string Text(int count) => Hides(count) ? $"< {Threshold}" : count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>An export cell: the number, or the text that stands for it.</summary>
    public object Cell(int count) => Hides(count) ? Text(count) : count;

    /// <summary>Whether a share of <paramref name="total"/> can be written without giving a hidden count away.</summary>
    public bool ShowsShare(int count, int total) => !Hides(count) && !Hides(total);

    public string Share(int count, int total) =>
        ShowsShare(count, total) ? (total == 0 ? 0 : (double)count / total).ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>An export cell for a share, in percent with one decimal.</summary>
    public object ShareCell(int count, int total) =>
        ShowsShare(count, total) ? Math.Round(total == 0 ? 0 : 100.0 * count / total, 1) : "—";
}
