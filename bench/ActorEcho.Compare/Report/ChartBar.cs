namespace ActorEcho.Compare.Report;

/// <summary>One bar of a chart: a label, its value (null draws no bar), the text printed beside it, and whether to highlight it.</summary>
internal sealed record ChartBar(string Label, double? Value, string ValueText, bool Highlight = false);
