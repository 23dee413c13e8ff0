using System.Globalization;

namespace IdeaBox.Web.Pages;

/// <summary>The query string of a list page: its filters as they are, and the page number of a pager's link.</summary>
public sealed class PageRoute
{
    private readonly Dictionary<string, string> _values = [];

    /// <summary>Adds a filter unless it is empty; numbers and dates are written the same in every language.</summary>
    public PageRoute Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()?.Trim(),
        };
        if (!string.IsNullOrEmpty(text)) _values[name] = text;
        return this;
    }

    /// <summary>The filters with page <paramref name="page"/> (the first page has no number).</summary>
    public Dictionary<string, string> Page(int page)
    {
        var values = new Dictionary<string, string>(_values);
        if (page != 1) values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
