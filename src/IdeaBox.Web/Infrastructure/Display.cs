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

    /// <summary>A person's name; an erased account's (an empty name) reads "former agent".</summary>
    public static string Person(string name) => name.Length == 0 ? Localization.Strings["User.Former"] : name;

    /// <summary>An instant as the security log shows it: in UTC, and saying so.</summary>
    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a &lt;time&gt; element.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Midnight of a local (Brussels) day, in UTC: the bound of a date filter.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The local (Brussels) calendar day of an instant.</summary>
    public static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
