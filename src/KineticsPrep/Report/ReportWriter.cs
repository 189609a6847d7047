using System.Text.Encodings.Web;
using System.Text.Json;

namespace KineticsPrep.Report;

/// <summary>Writes ROOT/report.html and ROOT/report.json (the same numbers).</summary>
public static class ReportWriter
{
    public static (string Html, string Json) Write(string root, DatasetReport report)
    {
        var html = Path.Combine(root, "report.html");
        var json = Path.Combine(root, "report.json");
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
