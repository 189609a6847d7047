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

    /// <summary>The toolchain of manifest.json beside it; empty when there is none, or it is from before toolchains were kept.</summary>
    public IReadOnlyDictionary<string, string> Toolchain { get; init; } = new Dictionary<string, string>();

    /// <summary>A dataset root (its lists/manifest.csv.gz), or a manifest file (.csv.gz or .csv).</summary>
    /// <exception cref="FileNotFoundException">No manifest there.</exception>
    /// <exception cref="ManifestFormatException">A row or manifest.json that does not parse.</exception>
    public static ManifestFile Load(string rootOrFile)
    {
        var file = Directory.Exists(rootOrFile) ? Path.Combine(new DatasetRoot(rootOrFile).Lists, ManifestInfo.CsvFileName) : rootOrFile;
        if (!File.Exists(file))
            throw new FileNotFoundException($"no manifest at {file}: prepare or annotate --root writes lists/{ManifestInfo.CsvFileName}", file);
        using var stream = File.OpenRead(file);
        using var text = new StreamReader(file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        // The parser alone, fields by position: at 300,000 rows, looking each up by name costs seconds.
        using var csv = new CsvParser(text, CultureInfo.InvariantCulture);
        if (!csv.Read())
            throw new FileNotFoundException($"{file} is empty", file);
        var header = csv.Record!;
        var at = ManifestRow.Fields.Select(f => Array.IndexOf(header, f)).ToArray();
        var rows = new Dictionary<(string, string, int, int), ManifestRow>();
        // Splits, labels, statuses and archives repeat on every row: one string each instead of one per row.
        var repeated = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var r = csv.Record!;
            string? Text(int field) => at[field] < 0 || at[field] >= r.Length || r[at[field]].Length == 0 ? null : r[at[field]];
            string? Shared(int field) => Text(field) is { } text ? repeated.TryAdd(text, text) ? text : repeated[text] : null;
            string Required(int field) => Text(field) ?? throw new FormatException($"no {ManifestRow.Fields[field]}");
            long? Number(int field) => Text(field) is not { } t ? null
                : long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : throw new FormatException($"{ManifestRow.Fields[field]} is '{t}', not a whole number");
            try
            {
                var row = new ManifestRow(Required(0), (int)Number(1)!, (int)Number(2)!, Shared(3) ?? Required(3), Shared(4), (int)(Number(5) ?? -1),
                    Shared(6) ?? Required(6), Shared(7), Number(8), Text(9), Text(10), Number(11), Text(12), Number(13),
                    Text(14) is { } fps ? double.TryParse(fps, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f
                        : throw new FormatException($"fps is '{fps}', not a number") : null,
                    (int?)Number(15), (int?)Number(16));
                rows[(row.Split, row.YoutubeId, row.TimeStart, row.TimeEnd)] = row;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
            {
                throw new ManifestFormatException($"{file}, line {csv.RawRow}: {e.Message}; not a manifest this tool wrote, or changed by hand.", e);
            }
        }
        var info = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, ManifestInfo.JsonFileName);
        ManifestInfo? described;
        try
        {
            described = File.Exists(info) ? JsonSerializer.Deserialize(File.ReadAllText(info), DatasetJson.Indented.ManifestInfo) : null;
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException($"{info}: {e.Message}", e);
        }
        return new ManifestFile(file, rows, described?.Settings ?? new Dictionary<string, string>())
        {
            Toolchain = described?.Toolchain ?? new Dictionary<string, string>(),
        };
    }

}
