using System.Globalization;
using System.Text;
using ActorEcho.Compare.Report;
using ActorEcho.Soak.Analysis;
using ActorEcho.Soak.Sampling;

namespace ActorEcho.Soak.Report;

/// <summary>
/// The samples as small multiples in one SVG: a panel per metric, each a line over time on its own axis from zero (so flat looks
/// flat and a leak climbs), with the warm-up third shaded and the panel's min, max and last value. Invariant culture throughout.
/// </summary>
internal static class SoakChart
{
    public const int Width = 720;
    public const int PanelHeight = 130;
    private const int Top = 52;
    private const int Left = 70;
    private const int Right = 20;
    private const int PlotHeight = 90;
    private const int PlotWidth = Width - Left - Right;

    public static string Render(string title, IReadOnlyList<Sample> samples, double totalSeconds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var height = Top + (Metrics.All.Count * PanelHeight) + 24;
        var seconds = Math.Max(totalSeconds, samples.Select(s => s.Seconds).DefaultIfEmpty(1).Max());
        var svg = new StringBuilder();
        Line(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Line(svg, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Line(svg, $"  <text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{SvgBarChart.Escape(title)}</text>");
        Line(svg, $"  <text x=\"12\" y=\"42\" fill=\"#555555\">shaded: warm-up (first third); flat = last third's median within tolerance of the second third's</text>");
        for (var i = 0; i < Metrics.All.Count; i++)
        {
            Panel(svg, Metrics.All[i], samples, seconds, Top + (i * PanelHeight));
        }

        Line(svg, $"  <text x=\"{Left + (PlotWidth / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"#555555\">minutes since the load started</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The polyline's points for <paramref name="values"/> over [0, <paramref name="seconds"/>] and [0, <paramref name="max"/>].</summary>
    public static string Points(IReadOnlyList<(double Seconds, double Value)> values, double seconds, double max, int top)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(' ', values.Select(v =>
            Number(Left + (v.Seconds / seconds * PlotWidth)) + "," + Number(top + PlotHeight - (max > 0 ? v.Value / max * PlotHeight : 0))));
    }

    private static void Panel(StringBuilder svg, string metric, IReadOnlyList<Sample> samples, double seconds, int y)
    {
        var values = samples.Select(s => (s.Seconds, Value: Metrics.Value(metric, s))).Where(v => v.Value is not null).Select(v => (v.Seconds, v.Value!.Value)).ToList();
        var top = y + 14;
        var max = values.Count > 0 ? values.Max(v => v.Item2) * 1.2 : 1;
        Line(svg, $"  <rect x=\"{Left}\" y=\"{top}\" width=\"{Number(PlotWidth / 3.0)}\" height=\"{PlotHeight}\" fill=\"#edf2f7\"/>");
        Line(svg, $"  <rect x=\"{Left}\" y=\"{top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"#a0aec0\"/>");
        var summary = values.Count == 0
            ? "no samples"
            : FormattableString.Invariant($"min {values.Min(v => v.Item2):0.#}, max {values.Max(v => v.Item2):0.#}, last {values[^1].Item2:0.#}");
        Line(svg, $"  <text x=\"{Left}\" y=\"{y + 10}\" font-weight=\"bold\">{SvgBarChart.Escape(metric)}</text>");
        Line(svg, $"  <text x=\"{Left + PlotWidth}\" y=\"{y + 10}\" text-anchor=\"end\" fill=\"#555555\">{SvgBarChart.Escape(summary)}</text>");
        Line(svg, $"  <text x=\"{Left - 6}\" y=\"{top + 10}\" text-anchor=\"end\" fill=\"#555555\">{Number(max)}</text>");
        Line(svg, $"  <text x=\"{Left - 6}\" y=\"{top + PlotHeight}\" text-anchor=\"end\" fill=\"#555555\">0</text>");
        for (var tick = 0; tick <= 3; tick++)
        {
            var x = Left + (tick * PlotWidth / 3.0);
            Line(svg, $"  <text x=\"{Number(x)}\" y=\"{top + PlotHeight + 13}\" text-anchor=\"middle\" fill=\"#555555\">{Number(seconds * tick / 3 / 60)}</text>");
        }

        if (values.Count > 0)
        {
            Line(svg, $"  <polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"{Points(values, seconds, max, top)}\"/>");
        }
    }

    private static void Line(StringBuilder svg, FormattableString text) => svg.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
