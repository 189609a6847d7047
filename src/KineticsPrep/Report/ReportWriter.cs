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
        WriteAtomically(html, HtmlReport.Render(report));
        WriteAtomically(json, JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        return (html, json);
    }

    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".partial", text);
        File.Move(path + ".partial", path, overwrite: true);
    }
}
