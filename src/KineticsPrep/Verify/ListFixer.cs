using System.Text.Json;
using System.Text.Json.Nodes;

namespace KineticsPrep.Verify;

/// <summary>Rewrites training lists without the clips verify found unreadable, in whichever format they were written.</summary>
public static class ListFixer
{
    /// <returns>How many lines (or JSON items) were removed.</returns>
    public static int RemoveClips(string listsFolder, IReadOnlySet<string> badPaths)
    {
        var removed = 0;
        foreach (var list in Directory.GetFiles(listsFolder, "*.csv").Concat(Directory.GetFiles(listsFolder, "*.json")))
        {
            if (Path.GetFileName(list) == "report.json")
                continue;
            var text = File.ReadAllText(list);
            string rewritten;
            if (list.EndsWith(".json", StringComparison.Ordinal))
            {
                var items = JsonNode.Parse(text)!.AsArray();
                var kept = items.Where(item => !badPaths.Contains(item?["filename"]?.GetValue<string>() ?? "")).Select(item => item!.DeepClone()).ToList();
                removed += items.Count - kept.Count;
                rewritten = new JsonArray([.. kept]).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
            }
            else
            {
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var isCsv = lines.Length > 0 && lines[0].StartsWith("path,label_id", StringComparison.Ordinal);
                var kept = lines.Where((line, i) => (isCsv && i == 0) || !badPaths.Contains(isCsv ? FirstCsvField(line) : SpaceSeparatedPath(line))).ToList();
                removed += lines.Length - kept.Count;
                rewritten = string.Concat(kept.Select(line => line + "\n"));
            }
            AtomicFile.WriteAllText(list, rewritten);
        }
        return removed;
    }

    // "PATH LABEL_ID": the path is everything before the last space.
    private static string SpaceSeparatedPath(string line) => line.LastIndexOf(' ') is var space and >= 0 ? line[..space] : line;

    // The CSV format's first field, quoted when it holds a comma or a quote.
    private static string FirstCsvField(string line)
    {
        if (!line.StartsWith('"'))
            return line.IndexOf(',') is var comma and >= 0 ? line[..comma] : line;
        var field = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                field.Append(line[++i]);
            else if (line[i] == '"')
                break;
            else
                field.Append(line[i]);
        }
        return field.ToString();
    }
}
