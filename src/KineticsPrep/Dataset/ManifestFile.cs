using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;

namespace KineticsPrep.Dataset;

/// <summary>A copy of Kinetics as its manifest describes it: its rows by clip, and the settings that made it.</summary>
public sealed class ManifestFile
{
    private ManifestFile(string source, Dictionary<(string Split, string Id, int Start, int End), ManifestRow> rows, IReadOnlyDictionary<string, string> settings)
    {
        Source = source;
        Rows = rows;
        Settings = settings;
    }

    /// <summary>Where it was read from.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<(string Split, string Id, int Start, int End), ManifestRow> Rows { get; }

    /// <summary>The encode settings of manifest.json beside it; empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A dataset root (its lists/manifest.csv.gz), or a manifest file (.csv.gz or .csv).</summary>
    /// <exception cref="FileNotFoundException">No manifest there.</exception>
    public static ManifestFile Load(string rootOrFile)
    {
        var file = Directory.Exists(rootOrFile) ? Path.Combine(new DatasetRoot(rootOrFile).Lists, ManifestInfo.CsvFileName) : rootOrFile;
        if (!File.Exists(file))
            throw new FileNotFoundException($"no manifest at {file}: prepare or annotate --root writes lists/{ManifestInfo.CsvFileName}", file);
        using var stream = File.OpenRead(file);
        using var text = new StreamReader(file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new Dictionary<(string, string, int, int), ManifestRow>();
        while (csv.Read())
        {
            var row = new ManifestRow(csv.GetField("youtube_id")!, csv.GetField<int>("time_start"), csv.GetField<int>("time_end"), csv.GetField("split")!,
                Empty(csv.GetField("label")), csv.GetField<int>("label_id"), csv.GetField("status")!, Empty(csv.GetField("archive")),
                csv.GetField<long?>("source_bytes"), Empty(csv.GetField("source_sha256")), Empty(csv.GetField("output_path")),
                csv.GetField<long?>("output_bytes"), Empty(csv.GetField("output_sha256")), csv.GetField<long?>("frames"), csv.GetField<double?>("fps"),
                csv.GetField<int?>("width"), csv.GetField<int?>("height"));
            rows[(row.Split, row.YoutubeId, row.TimeStart, row.TimeEnd)] = row;
        }
        var info = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, ManifestInfo.JsonFileName);
        var settings = File.Exists(info)
            ? JsonSerializer.Deserialize(File.ReadAllText(info), DatasetJson.Indented.ManifestInfo)?.Settings ?? new Dictionary<string, string>()
            : new Dictionary<string, string>();
        return new ManifestFile(file, rows, settings);
    }

    private static string? Empty(string? field) => string.IsNullOrEmpty(field) ? null : field;
}
