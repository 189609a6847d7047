using System.Globalization;
using CsvHelper;
using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>
/// <c>lists/index.csv</c>: a row per clip in the lists, so that torchvision's Kinetics and mmaction2's rawframe lists
/// need not open every clip to learn its metadata.
/// </summary>
public static class ClipIndexFile
{
    public const string FileName = "index.csv";

    public static readonly IReadOnlyList<string> Fields =
        ["path", "split", "label_id", "frames", "fps", "duration", "width", "height", "bytes", "max_keyframe_interval", "codec"];

    /// <summary>Written by hand rather than field by field through CsvHelper: at K400's 300,000 rows that is a second saved.
    /// Each row is made as it is written.</summary>
    public static Task WriteAsync(string listsFolder, IAsyncEnumerable<ClipFacts> clips, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path.Combine(listsFolder, FileName), async writer =>
        {
            await writer.WriteLineAsync(string.Join(',', Fields));
            await foreach (var clip in clips.WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{CsvField.Quoted(clip.Path)},{CsvField.Quoted(clip.Split)},{clip.LabelId},{clip.Frames},{clip.Fps:0.###},{clip.Duration:0.###},{clip.Width},{clip.Height},{clip.Bytes},{clip.MaxKeyframeInterval},{clip.Codec}"));
            }
        });

    /// <summary>The index of a lists folder; empty when it has none.</summary>
    public static IReadOnlyList<ClipFacts> ReadIfThere(string listsFolder) =>
        File.Exists(Path.Combine(listsFolder, FileName)) ? Read(listsFolder) : [];

    /// <summary>Every row of the index at once.</summary>
    public static IReadOnlyList<ClipFacts> Read(string listsFolder) => Rows(listsFolder).ToList();

    /// <summary>The index's rows, read as they are asked for. Each row's fields read by position and parsed here:
    /// CsvHelper's typed field by name costs ten times as much, seconds at K400's size.</summary>
    public static IEnumerable<ClipFacts> Rows(string listsFolder)
    {
        using var reader = new StreamReader(Path.Combine(listsFolder, FileName));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var header = csv.Read() ? csv.Record ?? [] : [];
        var at = Fields.ToDictionary(f => f, f => Array.IndexOf(header, f), StringComparer.Ordinal);
        var splits = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = csv.Record ?? [];
            string Field(string name) => at[name] is var i and >= 0 && i < row.Length ? row[i] : "";
            var split = Field("split");
            split = splits.TryGetValue(split, out var known) ? known : splits[split] = split;
            yield return new ClipFacts(Field("path"), split, Int("label_id", Field) ?? -1, Long("frames", Field), Double("fps", Field),
                Double("duration", Field), Int("width", Field), Int("height", Field), Long("bytes", Field) ?? 0,
                Long("max_keyframe_interval", Field), Field("codec") is { Length: > 0 } codec ? string.Intern(codec) : null);
        }
    }

    private static int? Int(string name, Func<string, string> field) =>
        int.TryParse(field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Long(string name, Func<string, string> field) =>
        long.TryParse(field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Double(string name, Func<string, string> field) =>
        double.TryParse(field(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
