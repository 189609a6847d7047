using System.Text.Encodings.Web;
using System.Text.Json;
using KineticsPrep.Dataset;

namespace KineticsPrep.Report;

/// <summary>Writes ROOT/report.html and ROOT/report.json (the same numbers).</summary>
public static class ReportWriter
{
    public static (string Html, string Json) Write(string root, DatasetReport report)
    {
        var layout = new DatasetRoot(root);
        var (html, json) = (layout.ReportHtml, layout.ReportJson);
        AtomicFile.WriteAllText(html, HtmlReport.Render(report));
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        return (html, json);
    }
}
