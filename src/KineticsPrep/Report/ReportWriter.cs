using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.IO;

namespace KineticsPrep.Report;

/// <summary>Writes report.html and report.json (the same numbers) into a root, or another folder.</summary>
public static class ReportWriter
{
    public static (string Html, string Json) Write(string folder, DatasetReport report)
    {
        Directory.CreateDirectory(folder);
        var layout = new DatasetRoot(folder);
        var (html, json) = (layout.ReportHtml, layout.ReportJson);
        AtomicFile.WriteAllText(html, HtmlReport.Render(report));
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(report, ReportJson.Indented.DatasetReport));
        return (html, json);
    }
}
