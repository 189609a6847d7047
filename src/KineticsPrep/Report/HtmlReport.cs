using System.Globalization;
using System.Text;
using KineticsPrep.Dataset;
using static System.Net.WebUtility;

namespace KineticsPrep.Report;

/// <summary>
/// Renders a <see cref="DatasetReport"/> as one self-contained HTML page: inline CSS, SVG and embedded JPEGs; no
/// script, no external resource.
/// </summary>
public static class HtmlReport
{
    private const int WeakestListed = 10;
    private static readonly string[] SplitColours = ["#2e86c1", "#27ae60", "#f39c12", "#8e44ad", "#7f8c8d"];

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
            svg text { font: 11px system-ui, sans-serif; fill: #444; } svg text.weak { fill: #c0392b; }
            .legend span { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em; vertical-align: middle; }
            .sheet { display: flex; flex-wrap: wrap; gap: .6em; } .sheet figure { width: 132px; font-size: 11px; }
            .sheet img { display: block; max-width: 132px; } .sheet figcaption { font-weight: normal; overflow-wrap: anywhere; }
            </style></head><body>
            <h1>Kinetics dataset report</h1>
            <p>{{HtmlEncode(report.Root)}} · generated {{report.GeneratedAt:yyyy-MM-dd HH:mm}} UTC</p>
            """);
        Settings(html, report);
        Splits(html, report);
        ClassChart(html, report);
        html.Append("<h2>The clips: size, length, frame rate, codec and seeking</h2><div class=\"charts\">");
        foreach (var histogram in report.Histograms)
            HistogramChart(html, histogram);
        html.Append("</div>");
        OverlapTable(html, report.Overlap);
        Sheet(html, report.ContactSheet);
        Failures(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Settings(StringBuilder html, DatasetReport report)
    {
        html.Append("<h2>How this copy was made</h2><table id=\"settings\">");
        foreach (var setting in report.Settings)
            html.Append($"<tr><td>{HtmlEncode(setting.Name)}</td><td style=\"text-align:left\">{HtmlEncode(setting.Value)}</td></tr>");
        html.Append("</table>");
        if (report.Stale.Count == 0)
            return;
        html.Append("<h2>Stale outputs</h2><ul id=\"stale\">");
        foreach (var stale in report.Stale)
            html.Append($"<li><b>{HtmlEncode(stale.Output)}</b>: {HtmlEncode(stale.Reason)}. Run <code>kinetics-prep {HtmlEncode(stale.Remedy)}</code></li>");
        html.Append("</ul>");
    }

    private static void Splits(StringBuilder html, DatasetReport report)
    {
        html.Append("<h2>Availability per split</h2><table id=\"splits\"><tr><th>split</th><th>official rows</th><th>CSV rows</th><th>found</th>" +
                    "<th>found of official</th><th>missing</th><th>corrupt</th><th>replaced</th>");
        // Clips left out by --exclude-overlap-with, when there are any.
        var excluded = report.Splits.Any(s => s.Excluded > 0);
        html.Append(excluded ? "<th>excluded</th></tr>" : "</tr>");
        foreach (var s in report.Splits)
        {
            var official = report.OfficialRows.TryGetValue(s.Split, out var rows) ? rows : (int?)null;
            var share = official is > 0 ? Invariant($"{100.0 * s.Found / official.Value:0.0} %") : "";
            html.Append(Invariant($"<tr><td>{HtmlEncode(s.Split)}</td><td>{official}</td><td>{s.CsvRows}</td><td>{s.Found}</td><td>{share}</td>"));
            html.Append(Invariant($"<td>{s.Missing}</td><td>{s.Corrupt}</td><td>{s.Replaced}</td>"));
            html.Append(excluded ? Invariant($"<td>{s.Excluded}</td></tr>") : "</tr>");
        }
        html.Append("</table>");
        if (report.Splits.Count == 0)
            html.Append("<p>No lists yet: run <code>kinetics-prep prepare</code> or <code>annotate</code>.</p>");
        else
            html.Append("<p>Official rows: the release's annotation rows as papers quote them (known for K400). Corrupt: clips that " +
                        "<code>annotate --check</code> or <code>verify</code> could not read.</p>");
    }

    /// <summary>A horizontal bar per class, named, with a segment per split: the per-split view of every class.</summary>
    private static void ClassChart(StringBuilder html, DatasetReport report)
    {
        var classes = report.Classes;
        html.Append(Invariant($"<h2>Clips per class and split ({classes.Count} classes, fewest first)</h2>"));
        if (classes.Count == 0)
            return;
        var splits = classes.SelectMany(c => c.PerSplit.Keys).Distinct().OrderBy(SplitRank).ToList();
        html.Append("<p class=\"legend\">");
        for (var i = 0; i < splits.Count; i++)
            html.Append($"<span style=\"background:{Colour(i)}\"></span>{HtmlEncode(splits[i])}");
        html.Append("</p>");

        const int row = 14, labelWidth = 260, barRoom = 700, top = 4;
        var max = Math.Max(1, classes.Max(c => c.Total));
        html.Append(Invariant($"<figure><svg id=\"classes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barRoom + 60}\" height=\"{top + row * classes.Count + 4}\" role=\"img\" aria-label=\"clips per class and split\">"));
        for (var i = 0; i < classes.Count; i++)
        {
            var c = classes[i];
            var y = top + i * row;
            html.Append(Invariant($"<text x=\"{labelWidth - 6}\" y=\"{y + 10}\" text-anchor=\"end\"{(c.Weak ? " class=\"weak\"" : "")}>{HtmlEncode(c.Label)}</text>"));
            double x = labelWidth;
            for (var s = 0; s < splits.Count; s++)
            {
                var count = c.PerSplit.GetValueOrDefault(splits[s]);
                if (count == 0)
                    continue;
                var w = (double)barRoom * count / max;
                html.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"{y + 1}\" width=\"{w:0.##}\" height=\"{row - 3}\" fill=\"{Colour(s)}\"><title>{HtmlEncode(c.Label)}, {HtmlEncode(splits[s])}: {count}</title></rect>"));
                x += w;
            }
            html.Append(Invariant($"<text x=\"{x + 4:0.##}\" y=\"{y + 10}\">{c.Total}</text>"));
        }
        html.Append("</svg><figcaption>Red names: fewer than half the median clips per class.</figcaption></figure>");
        html.Append("<table id=\"weakest\"><tr><th>weakest classes</th>");
        foreach (var split in splits)
            html.Append($"<th>{HtmlEncode(split)}</th>");
        html.Append("<th>clips</th></tr>");
        foreach (var c in classes.Take(WeakestListed))
        {
            html.Append($"<tr{(c.Weak ? " class=\"weak\"" : "")}><td>{HtmlEncode(c.Label)}</td>");
            foreach (var split in splits)
                html.Append(Invariant($"<td>{c.PerSplit.GetValueOrDefault(split)}</td>"));
            html.Append(Invariant($"<td>{c.Total}</td></tr>"));
        }
        html.Append("</table>");
    }

    private static int SplitRank(string split) => split switch { "train" => 0, "val" => 1, "test" => 2, _ => 3 };

    private static string Colour(int i) => SplitColours[Math.Min(i, SplitColours.Length - 1)];

    private static void HistogramChart(StringBuilder html, Histogram histogram)
    {
        const int height = 140, barWidth = 62, top = 16;
        var width = barWidth * Math.Max(1, histogram.Bins.Count) + 10;
        var max = Math.Max(1, histogram.Bins.Select(b => b.Count).DefaultIfEmpty().Max());
        var unit = histogram.Unit.Length == 0 ? "" : histogram.Unit + ", ";
        html.Append(Invariant($"<figure><figcaption>{HtmlEncode(histogram.Title)} ({HtmlEncode(unit)}{histogram.Count} clips)</figcaption>"));
        html.Append(Invariant($"<svg class=\"histogram\" id=\"{histogram.Key}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + 40}\" role=\"img\" aria-label=\"{HtmlEncode(histogram.Title)}\">"));
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

    private static void OverlapTable(StringBuilder html, IReadOnlyList<Overlap.Pair> pairs)
    {
        html.Append("<h2>YouTube ids shared between splits and releases</h2>");
        if (pairs.Count == 0)
        {
            html.Append("<p>Fewer than two annotation files under the root; <code>kinetics-prep overlap --with RELEASE:SPLIT</code> fetches others.</p>");
            return;
        }
        html.Append("<table id=\"overlap\"><tr><th>split</th><th>ids</th><th>split</th><th>ids</th><th>shared</th><th>of 1st</th><th>of 2nd</th></tr>");
        foreach (var p in pairs)
        {
            html.Append(Invariant($"<tr><td>{HtmlEncode(p.A)}</td><td>{p.IdsOfA}</td><td style=\"text-align:left\">{HtmlEncode(p.B)}</td><td>{p.IdsOfB}</td>"));
            html.Append(Invariant($"<td{(p.Shared > 0 ? " class=\"weak\"" : "")}>{p.Shared}</td><td>{Share(p.Shared, p.IdsOfA)}</td><td>{Share(p.Shared, p.IdsOfB)}</td></tr>"));
        }
        html.Append("</table><p>A model evaluated on a split that shares ids with its training or pretraining splits has seen those clips.</p>");
    }

    private static string Share(int shared, int of) => of == 0 ? "" : Invariant($"{100.0 * shared / of:0.0} %");

    private static void Sheet(StringBuilder html, ContactSheet sheet)
    {
        html.Append(Invariant($"<h2>Contact sheet: one clip per class ({sheet.Thumbnails.Count} classes)</h2>"));
        if (sheet.Note is { } note)
        {
            html.Append($"<p>No contact sheet: {HtmlEncode(note)}.</p>");
            return;
        }
        html.Append("<div class=\"sheet\" id=\"contact-sheet\">");
        foreach (var thumbnail in sheet.Thumbnails)
        {
            html.Append($"<figure><img alt=\"{HtmlEncode(thumbnail.Label)}\" title=\"{HtmlEncode(thumbnail.Clip)}\" src=\"data:image/jpeg;base64,");
            html.Append(Convert.ToBase64String(thumbnail.Jpeg));
            html.Append($"\"><figcaption>{HtmlEncode(thumbnail.Label)}</figcaption></figure>");
        }
        html.Append("</div>");
        if (sheet.LeftOut > 0)
            html.Append(Invariant($"<p>{sheet.LeftOut} more classes left out: over the {ContactSheetMaker.SizeCap >> 20} MiB cap of the sheet, or no clip gave a frame.</p>"));
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
