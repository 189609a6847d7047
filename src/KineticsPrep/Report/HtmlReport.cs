using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace KineticsPrep.Report;

/// <summary>Renders a <see cref="DatasetReport"/> as one self-contained HTML page: inline CSS and SVG, no script, no CDN.</summary>
public static class HtmlReport
{
    private const int WeakestListed = 10;

    public static string Render(DatasetReport report)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Kinetics dataset report</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; } td, th { padding: .25em .8em; border-bottom: 1px solid #eee; text-align: right; }
            th:first-child, td:first-child { text-align: left; } .weak { color: #c0392b; font-weight: 600; }
            .charts { display: flex; flex-wrap: wrap; gap: 1.5em; } figure { margin: 0; } figcaption { font-weight: 600; }
            svg text { font: 11px system-ui, sans-serif; fill: #444; }
            </style></head><body>
            <h1>Kinetics dataset report</h1>
            <p>{{HtmlEncode(report.Root)}} · generated {{report.GeneratedAt:yyyy-MM-dd HH:mm}} UTC</p>
            """);
        Splits(html, report);
        ClassChart(html, report);
        html.Append("<h2>Short side and duration, before and after resize</h2><div class=\"charts\">");
        foreach (var histogram in new[] { report.ShortSideBefore, report.ShortSideAfter, report.DurationBefore, report.DurationAfter })
            HistogramChart(html, histogram);
        html.Append("</div>");
        Failures(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Splits(StringBuilder html, DatasetReport report)
    {
        html.Append("<h2>Splits</h2><table id=\"splits\"><tr><th>split</th><th>CSV rows</th><th>found</th><th>missing</th><th>corrupt</th><th>replaced</th></tr>");
        foreach (var s in report.Splits)
            html.Append(Invariant($"<tr><td>{HtmlEncode(s.Split)}</td><td>{s.CsvRows}</td><td>{s.Found}</td><td>{s.Missing}</td><td>{s.Corrupt}</td><td>{s.Replaced}</td></tr>"));
        html.Append("</table>");
        if (report.Splits.Count == 0)
            html.Append("<p>No lists yet: run <code>kinetics-prep prepare</code> or <code>annotate</code>.</p>");
    }

    private static void ClassChart(StringBuilder html, DatasetReport report)
    {
        var classes = report.Classes;
        html.Append(Invariant($"<h2>Clips per class ({classes.Count} classes, fewest first)</h2>"));
        if (classes.Count == 0)
            return;
        const int height = 220, top = 10, left = 40;
        var barWidth = Math.Max(2.0, Math.Min(24.0, 1000.0 / classes.Count));
        var width = left + barWidth * classes.Count + 10;
        var max = Math.Max(1, classes.Max(c => c.Total));
        html.Append(Invariant($"<figure><svg id=\"classes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height + 30}\" role=\"img\" aria-label=\"clips per class\">"));
        html.Append(Invariant($"<text x=\"0\" y=\"{top + 10}\">{max}</text><text x=\"0\" y=\"{top + height}\">0</text>"));
        for (var i = 0; i < classes.Count; i++)
        {
            var c = classes[i];
            var h = (double)height * c.Total / max;
            html.Append(Invariant($"<rect x=\"{left + i * barWidth:0.##}\" y=\"{top + height - h:0.##}\" width=\"{barWidth * 0.85:0.##}\" height=\"{h:0.##}\" fill=\"{(c.Weak ? "#c0392b" : "#2e86c1")}\"><title>{HtmlEncode(c.Label)}: {c.Total}</title></rect>"));
        }
        html.Append("</svg><figcaption>Red: fewer than half the median clips per class.</figcaption></figure>");
        html.Append("<table id=\"weakest\"><tr><th>weakest classes</th><th>clips</th></tr>");
        foreach (var c in classes.Take(WeakestListed))
            html.Append(Invariant($"<tr{(c.Weak ? " class=\"weak\"" : "")}><td>{HtmlEncode(c.Label)}</td><td>{c.Total}</td></tr>"));
        html.Append("</table>");
    }

    private static void HistogramChart(StringBuilder html, Histogram histogram)
    {
        const int height = 140, barWidth = 62, top = 16;
        var width = barWidth * histogram.Bins.Count + 10;
        var max = Math.Max(1, histogram.Bins.Max(b => b.Count));
        html.Append(Invariant($"<figure><figcaption>{HtmlEncode(histogram.Title)} ({histogram.Unit}, {histogram.Count} clips)</figcaption>"));
        html.Append(Invariant($"<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + 40}\" role=\"img\" aria-label=\"{HtmlEncode(histogram.Title)}\">"));
        for (var i = 0; i < histogram.Bins.Count; i++)
        {
            var bin = histogram.Bins[i];
            var h = (double)height * bin.Count / max;
            var x = 5 + i * barWidth;
            html.Append(Invariant($"<rect x=\"{x}\" y=\"{top + height - h:0.##}\" width=\"{barWidth - 6}\" height=\"{h:0.##}\" fill=\"#27ae60\"><title>{HtmlEncode(bin.Label)}: {bin.Count}</title></rect>"));
            html.Append(Invariant($"<text x=\"{x}\" y=\"{top + height - h - 3:0.##}\">{bin.Count}</text>"));
            html.Append(Invariant($"<text x=\"{x}\" y=\"{top + height + 14}\">{HtmlEncode(bin.Label)}</text>"));
        }
        html.Append("</svg></figure>");
    }

    private static void Failures(StringBuilder html, DatasetReport report)
    {
        html.Append(Invariant($"<h2>Failures ({report.Failures.Count})</h2>"));
        if (report.Failures.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }
        html.Append("<table id=\"failures\"><tr><th>stage</th><th>item</th><th>reason</th></tr>");
        foreach (var f in report.Failures)
            html.Append($"<tr><td>{HtmlEncode(f.Stage)}</td><td style=\"text-align:left\">{HtmlEncode(f.Item)}</td><td style=\"text-align:left\">{HtmlEncode(f.Reason)}</td></tr>");
        html.Append("</table>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
