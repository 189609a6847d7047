using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.IO;

namespace KineticsPrep.Resize;

/// <summary>The machine-readable list of clips a resize run could not do: DST/.kinetics-prep/resize-failures.json.</summary>
public static class FailureLog
{
    public sealed record Entry(string Source, string Reason, string? Command);

    public static string PathFor(string destination) =>
        Path.Combine(Path.GetFullPath(destination), DatasetRoot.StateFolderName, "resize-failures.json");

    /// <summary>Replaces the log with this run's failures (an empty list when there were none).</summary>
    public static void Write(string destination, IEnumerable<ClipOutcome> failures)
    {
        var entries = failures
            .OrderBy(f => f.Job.SourcePath, StringComparer.Ordinal)
            .Select(f => new Entry(f.Job.SourcePath, f.Reason ?? "unknown", f.CommandLine));
        AtomicFile.WriteAllText(PathFor(destination), JsonSerializer.Serialize(entries.ToList(), ResizeJson.Indented.ListEntry));
    }

    public static IReadOnlyList<Entry> Read(string destination) =>
        JsonSerializer.Deserialize(File.ReadAllText(PathFor(destination)), ResizeJson.Indented.ListEntry) ?? [];

}
