using System.Globalization;
using System.Text;

namespace ActorEcho.Compare.Report;

/// <summary>
/// Writes a horizontal bar chart as a standalone SVG document: a title, a unit line, and one labelled bar per entry scaled to
/// the largest value. Plain text output, invariant culture, so the same results always give the same file.
/// </summary>
internal static class SvgBarChart
{
    public const int Width = 720;
    public const int LabelWidth = 130;
    public const int ValueWidth = 170;
    public const int PlotWidth = Width - LabelWidth - ValueWidth;
    private const int Top = 58;
    private const int Row = 34;
    private const int BarHeight = 22;

    public static string Render(string title, string unit, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = bars.Select(b => b.Value ?? 0).Where(v => v > 0 && double.IsFinite(v)).DefaultIfEmpty(0).Max();
        var height = Top + (bars.Count * Row) + 12;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"13\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"12\" y=\"44\" fill=\"#555555\">{Escape(unit)}</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * Row);
            var textY = y + (BarHeight / 2) + 5;
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{LabelWidth - 8}\" y=\"{textY}\" text-anchor=\"end\">{Escape(bar.Label)}</text>\n");
            var width = BarWidth(bar.Value, max);
            if (width > 0)
            {
                var fill = bar.Highlight ? "#2b6cb0" : "#a0aec0";
                svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Number(width)}\" height=\"{BarHeight}\" fill=\"{fill}\"/>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Number(LabelWidth + width + 6)}\" y=\"{textY}\">{Escape(bar.ValueText)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The bar's length in pixels: proportional to the largest value, at least one pixel for any positive value.</summary>
    public static double BarWidth(double? value, double max) =>
        value is { } v && v > 0 && double.IsFinite(v) && max > 0 ? Math.Max(1, Math.Round(v / max * PlotWidth, 1)) : 0;

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
