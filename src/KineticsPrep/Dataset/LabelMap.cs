using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>
/// Class names and their ids (id = position in <see cref="Names"/>), and how a CSV's class name finds its id:
/// see <see cref="Resolve"/>.
/// </summary>
public sealed class LabelMap
{
    private readonly Dictionary<string, int> _ids;

    private LabelMap(IReadOnlyList<string> names, IReadOnlyDictionary<string, string>? merge = null)
    {
        Names = names;
        Merge = merge ?? new Dictionary<string, string>();
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            _ids.TryAdd(names[i], i);
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Names that this map's own makers merged into others before numbering (VideoMAEv2's K710: "hugging" → "hugging (not
    /// baby)"); empty for the other maps.
    /// </summary>
    public IReadOnlyDictionary<string, string> Merge { get; }

    /// <summary>The built-in maps, chosen by name with --labels (sources: LabelMaps/SOURCES.md).</summary>
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "mmaction2-k400", "mmaction2-k600", "mmaction2-k700",
        "videomaev2-k400", "videomaev2-k600", "videomaev2-k700", "videomaev2-k710",
        "pytorchvideo-k400",
    ];

    public int? IdOf(string label) => _ids.TryGetValue(label, out var id) ? id : null;

    /// <summary>
    /// A CSV's class name → its id in this map, and the name it was found under when that is another one. The rule:
    /// first the map's own merge table (K710); then the name itself; then the first of its known renames
    /// (<see cref="LabelAliases"/>) that the map has, in the table's order — VideoMAEv2's merge table first. Null when
    /// none is in the map.
    /// </summary>
    public (int Id, string? Alias)? Resolve(string label)
    {
        if (Merge.TryGetValue(label, out var merged) && IdOf(merged) is { } mergedId)
            return (mergedId, merged);
        if (IdOf(label) is { } id)
            return (id, null);
        foreach (var alias in LabelAliases.Of(label))
        {
            if (IdOf(alias) is { } aliasId)
                return (aliasId, alias);
        }
        return null;
    }

    /// <summary>The community's order: the unique label names, sorted ordinally (byte order, as Python's sorted()).</summary>
    public static LabelMap FromLabels(IEnumerable<string> labels) =>
        new(labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>A built-in map by name (<see cref="BuiltIn"/>), or a map file.</summary>
    /// <exception cref="AnnotationException">Neither a built-in name nor a readable map file.</exception>
    public static LabelMap Load(string nameOrFile)
    {
        if (BuiltIn.Contains(nameOrFile))
        {
            var names = Parse(Resource(nameOrFile + (nameOrFile.StartsWith("pytorchvideo", StringComparison.Ordinal) ? ".json" : ".txt")), nameOrFile);
            return nameOrFile == "videomaev2-k710"
                ? new LabelMap(names, JsonSerializer.Deserialize(Resource("videomaev2-k710-identical-label-merge.json"), DatasetJson.Indented.DictionaryStringString))
                : new LabelMap(names);
        }
        if (!File.Exists(nameOrFile))
            throw new AnnotationException($"--labels {nameOrFile}: no such file, and not a built-in map ({string.Join(", ", BuiltIn)})");
        return new LabelMap(Parse(File.ReadAllText(nameOrFile), nameOrFile));
    }

    /// <summary>
    /// One name per line (line number = id, from 0), <c>id,name</c> lines, or JSON name → id whose keys may carry
    /// quotes, as pytorchvideo's do. With or without a final newline.
    /// </summary>
    private static List<string> Parse(string text, string source) =>
        text.TrimStart().StartsWith('{') ? FromJson(text, source) : FromLines(text, source);

    private static List<string> FromJson(string text, string source)
    {
        var byId = new SortedDictionary<int, string>();
        foreach (var (key, id) in JsonSerializer.Deserialize(text, DatasetJson.Indented.DictionaryStringInt32)!)
        {
            if (!byId.TryAdd(id, key.Trim().Trim('"')))
                throw new AnnotationException($"{source}: id {id} is given twice");
        }
        return Checked(byId, source);
    }

    private static List<string> FromLines(string text, string source)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, TrimOptions = TrimOptions.Trim };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var byId = new SortedDictionary<int, string>();
        var nextId = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            if (record is [""])
                continue;
            var (id, name) = record switch
            {
                [var only] => (nextId, only),
                [var first, var second] when int.TryParse(first, CultureInfo.InvariantCulture, out var parsed) => (parsed, second),
                _ => throw new AnnotationException($"{source}:{parser.RawRow}: expected a class name or id,name"),
            };
            if (name.Length == 0 || !byId.TryAdd(id, name))
                throw new AnnotationException($"{source}:{parser.RawRow}: empty name or repeated id {id}");
            nextId = id + 1;
        }
        return Checked(byId, source);
    }

    private static List<string> Checked(SortedDictionary<int, string> byId, string source)
    {
        if (byId.Count == 0)
            throw new AnnotationException($"{source}: no class names");
        if (byId.Keys.First() != 0 || byId.Keys.Last() != byId.Count - 1)
            throw new AnnotationException($"{source}: ids must run from 0 to {byId.Count - 1} without gaps");
        return byId.Values.ToList();
    }

    internal static string Resource(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LabelMaps/" + fileName)
            ?? throw new InvalidOperationException($"built-in label map {fileName} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
