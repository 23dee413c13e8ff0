using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Charts drawn on the server as SVG, no script. Each SVG is an image named by the caller
/// (aria-labelledby a caption); numbers are written next to every bar and in every cell, so colour
/// never carries meaning alone, and every chart also has its data as a table.
/// </summary>
public static class Charts
{
    private const string Bar = "#1d4f91";
    private const string Track = "#e3e8ef";
    private const string Ink = "#1b1f24";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A small line of weekly values, with its last value as text.</summary>
    public static IHtmlContent Sparkline(IReadOnlyList<int> values, string labelledBy)
    {
        const double width = 120, height = 28, pad = 3;
        var max = Math.Max(1, values.DefaultIfEmpty().Max());
        var step = values.Count > 1 ? (width - 2 * pad) / (values.Count - 1) : 0;
        var points = string.Join(' ', values.Select((v, i) => $"{N(pad + i * step)},{N(height - pad - v * (height - 2 * pad) / max)}"));
        var svg = new StringBuilder()
            .Append($"<svg class=\"sparkline\" role=\"img\" aria-labelledby=\"{labelledBy}\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\">")
            .Append($"<line x1=\"{N(pad)}\" y1=\"{N(height - pad)}\" x2=\"{N(width - pad)}\" y2=\"{N(height - pad)}\" stroke=\"{Track}\" stroke-width=\"1\"/>")
            .Append($"<polyline fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\" points=\"{points}\"/>")
            .Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Horizontal bars, each with its label on the left and its value written after it.</summary>
    public static IHtmlContent HorizontalBars(IReadOnlyList<(string Label, double Value, string Text)> bars, double max, string labelledBy)
    {
        const double labelWidth = 250, barWidth = 280, textWidth = 120, rowHeight = 26;
        var width = labelWidth + barWidth + textWidth;
        var height = Math.Max(1, bars.Count) * rowHeight;
        max = Math.Max(max, 1e-9);
        var svg = new StringBuilder()
            .Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{labelledBy}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = i * rowHeight;
            var length = Math.Max(0, value / max * barWidth);
            svg.Append($"<text x=\"{N(labelWidth - 8)}\" y=\"{N(y + 17)}\" text-anchor=\"end\" font-size=\"13\" fill=\"{Ink}\">{E(Shorten(label, 30))}</text>")
               .Append($"<rect x=\"{N(labelWidth)}\" y=\"{N(y + 5)}\" width=\"{N(barWidth)}\" height=\"16\" fill=\"{Track}\"/>")
               .Append($"<rect x=\"{N(labelWidth)}\" y=\"{N(y + 5)}\" width=\"{N(length)}\" height=\"16\" fill=\"{Bar}\"/>")
               .Append($"<text x=\"{N(labelWidth + barWidth + 8)}\" y=\"{N(y + 17)}\" font-size=\"13\" fill=\"{Ink}\">{E(text)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>Vertical columns per week, with the value over each column and the first day of each week below.</summary>
    public static IHtmlContent WeeklyColumns(IReadOnlyList<(string Week, int Value)> weeks, string labelledBy)
    {
        const double width = 300, gap = 2, chartHeight = 90, top = 16, bottom = 30;
        var column = (width - gap) / Math.Max(1, weeks.Count) - gap;
        var height = top + chartHeight + bottom;
        var max = Math.Max(1, weeks.Select(w => w.Value).DefaultIfEmpty().Max());
        var svg = new StringBuilder()
            .Append($"<svg class=\"chart weekly\" role=\"img\" aria-labelledby=\"{labelledBy}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\">")
            .Append($"<line x1=\"0\" y1=\"{N(top + chartHeight)}\" x2=\"{N(width)}\" y2=\"{N(top + chartHeight)}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
        // A date label every ~60 px, values over the columns only when they fit.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(60 / (column + gap)));
        var writeValues = column >= 14;
        for (var i = 0; i < weeks.Count; i++)
        {
            var (week, value) = weeks[i];
            var x = gap + i * (column + gap);
            var h = value * chartHeight / max;
            svg.Append($"<rect x=\"{N(x)}\" y=\"{N(top + chartHeight - h)}\" width=\"{N(column)}\" height=\"{N(h)}\" fill=\"{Bar}\"/>");
            if (writeValues)
                svg.Append($"<text x=\"{N(x + column / 2)}\" y=\"{N(top + chartHeight - h - 3)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Ink}\">{value}</text>");
            if (i % labelEvery == 0)
                svg.Append($"<text x=\"{N(x + column / 2)}\" y=\"{N(top + chartHeight + 14)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Ink}\">{E(week)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A grid of cells, darker for larger values, each with its number (or <paramref name="text"/>) written in it.</summary>
    public static IHtmlContent HeatGrid(IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<int, int, int> value, string labelledBy,
        Func<int, int, string>? text = null)
    {
        const double rowLabel = 210, cell = 64, rowHeight = 28, header = 110;
        var width = rowLabel + columns.Count * cell + 70;
        var height = header + rows.Count * rowHeight;
        var max = 1;
        for (var r = 0; r < rows.Count; r++) for (var c = 0; c < columns.Count; c++) max = Math.Max(max, value(r, c));
        var svg = new StringBuilder()
            .Append($"<svg class=\"chart heat\" role=\"img\" aria-labelledby=\"{labelledBy}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\">");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = rowLabel + c * cell + cell / 2;
            svg.Append($"<text transform=\"translate({N(x)},{N(header - 6)}) rotate(-45)\" font-size=\"12\" fill=\"{Ink}\">{E(Shorten(columns[c], 18))}</text>");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var y = header + r * rowHeight;
            svg.Append($"<text x=\"{N(rowLabel - 8)}\" y=\"{N(y + 18)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{E(Shorten(rows[r], 30))}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var v = value(r, c);
                var level = v == 0 ? 0 : 1 + (int)Math.Floor(3.999 * v / max);
                var (fill, ink) = level switch
                {
                    0 => ("#ffffff", Ink),
                    1 => ("#dbe6f4", Ink),
                    2 => ("#9db8de", Ink),
                    3 => ("#3f6fb0", "#ffffff"),
                    _ => ("#143a6b", "#ffffff"),
                };
                var x = rowLabel + c * cell;
                svg.Append($"<rect x=\"{N(x + 1)}\" y=\"{N(y + 1)}\" width=\"{N(cell - 2)}\" height=\"{N(rowHeight - 2)}\" fill=\"{fill}\" stroke=\"#c9d0d9\"/>")
                   .Append($"<text x=\"{N(x + cell / 2)}\" y=\"{N(y + 18)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{ink}\">{E(text?.Invoke(r, c) ?? v.ToString(CultureInfo.InvariantCulture))}</text>");
            }
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
