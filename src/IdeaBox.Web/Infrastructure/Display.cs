using System.Globalization;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Instants are stored in UTC and shown in the administration's time zone, in the user's culture.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Zone = FindZone("Europe/Brussels");

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    private static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DateAndTime(DateTime utc) => Local(utc).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable value of a &lt;time&gt; element.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
