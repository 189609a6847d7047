using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// Writes <c>manifest.csv.gz</c> (a row per annotation row; gzip, since full K400's would be about 80 MB as text) and
/// <c>manifest.json</c> into a lists folder, from what annotate found and the state stores recorded.
/// </summary>
public static class ManifestWriter
{
    public static void Write(string listsFolder, ManifestSources sources, IEnumerable<ManifestRow> rows)
    {
        AtomicFile.WriteBytes(Path.Combine(listsFolder, ManifestInfo.CsvFileName), stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            using var writer = new StreamWriter(gzip, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', ManifestRow.Fields));
            foreach (var r in rows)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{CsvField.Quoted(r.YoutubeId)},{r.TimeStart},{r.TimeEnd},{r.Split},{CsvField.Quoted(r.Label ?? "")},{r.LabelId},{r.Status}," +
                    $"{CsvField.Quoted(r.Archive ?? "")},{r.SourceBytes},{r.SourceSha256},{CsvField.Quoted(r.OutputPath ?? "")},{r.OutputBytes}," +
                    $"{r.OutputSha256},{r.Frames},{r.Fps:0.###},{r.Width},{r.Height}"));
            }
        });
        var stores = sources.Stores;
        // In name order whichever stores hold them, so that the bytes do not depend on how the root was sharded.
        var settings = stores.SelectMany(s => s.Settings()).DistinctBy(s => s.Key).OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var info = new ManifestInfo(ToolVersion.Current, settings.GetValueOrDefault(RunFacts.FFmpeg), settings.GetValueOrDefault(RunFacts.Release),
            settings.GetValueOrDefault(RunFacts.Mirror),
            settings.Where(s => s.Key.StartsWith("--", StringComparison.Ordinal) || s.Key == "subset").ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
            stores.SelectMany(s => s.Downloads()).DistinctBy(d => d.Path).OrderBy(d => d.Path, StringComparer.Ordinal)
                .Select(d => new ManifestInfo.Download(d.Path, d.Url, d.Bytes, d.Sha256, d.ETag)).ToList(), DateTime.UtcNow)
        {
            Toolchain = settings.Where(s => s.Key.StartsWith(RunFacts.ToolchainPrefix, StringComparison.Ordinal))
                .ToDictionary(s => s.Key[RunFacts.ToolchainPrefix.Length..], s => s.Value, StringComparer.Ordinal),
        };
        AtomicFile.WriteAllText(Path.Combine(listsFolder, ManifestInfo.JsonFileName), JsonSerializer.Serialize(info, DatasetJson.Indented.ManifestInfo));
    }
}
