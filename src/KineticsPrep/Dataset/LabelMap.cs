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
    private readonly Lazy<ILookup<string, int>> _byKey;

    private LabelMap(IReadOnlyList<string> names, IReadOnlyDictionary<string, string>? merge = null)
    {
        Names = names;
        Merge = merge ?? new Dictionary<string, string>();
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            _ids.TryAdd(names[i], i);
        _byKey = new(() => _ids.Values.ToLookup(id => LabelKey.Of(Names[id]), StringComparer.Ordinal));
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
    /// (<see cref="LabelAliases"/>) that the map has, in the table's order — VideoMAEv2's merge table first; then the
    /// same again by the normalised key (<see cref="LabelKey"/>), the name's and then its renames'. Null when none is in
    /// the map.
    /// </summary>
    /// <exception cref="AnnotationException">The key matches two names of the map: it is not guessed.</exception>
    public LabelMatch? Resolve(string label)
    {
        if (Merge.TryGetValue(label, out var merged) && IdOf(merged) is { } mergedId)
            return new LabelMatch(mergedId, merged, false);
        if (IdOf(label) is { } id)
            return new LabelMatch(id, null, false);
        foreach (var alias in LabelAliases.Of(label))
        {
            if (IdOf(alias) is { } aliasId)
                return new LabelMatch(aliasId, alias, false);
        }
        foreach (var name in LabelAliases.Of(label).Prepend(label))
        {
            var ids = _byKey.Value[LabelKey.Of(name)].ToList();
            if (ids.Count > 1)
                throw new AnnotationException(
                    $"label '{label}' is both '{Names[ids[0]]}' and '{Names[ids[1]]}' of the label map once case, quotes, parentheses and " +
                    "spacing are ignored; give the map the CSV's exact name.");
            if (ids.Count == 1)
                return new LabelMatch(ids[0], Names[ids[0]], true);
        }
        return null;
    }

    /// <summary>
    /// Each of the CSVs' distinct class names that the map has (<see cref="Resolve"/>) with its match; names it does not
    /// have are left out.
    /// </summary>
    /// <exception cref="AnnotationException">A name found only by its normalised key lands on the id of another of the
    /// CSVs' names: two classes would become one. Or a key matches two names of the map.</exception>
    public IReadOnlyDictionary<string, LabelMatch> ResolveAll(IEnumerable<string> labels)
    {
        var matches = new Dictionary<string, LabelMatch>(StringComparer.Ordinal);
        foreach (var label in labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Resolve(label) is { } match)
                matches[label] = match;
        }
        foreach (var sameId in matches.GroupBy(m => m.Value.Id).Where(g => g.Count() > 1 && g.Any(m => m.Value.Normalised)))
        {
            var (first, second) = (sameId.First().Key, sameId.Skip(1).First().Key);
            throw new AnnotationException(
                $"labels '{first}' and '{second}' of the CSVs are both '{Names[sameId.Key]}' (id {sameId.Key}) of the label map once case, quotes, " +
                "parentheses and spacing are ignored: two classes would become one. Give the map both names as the CSVs write them.");
        }
        return matches;
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
    /// One name per line (line number = id, from 0); <c>id,name</c> or <c>name,id</c> lines, comma- or tab-separated,
    /// names quoted or not, under a header line (<c>id,name</c>, <c>name,id</c>, <c>label,id</c> and the like) or
    /// none; or JSON name → id whose keys may carry quotes, as pytorchvideo's do. With or without a final newline.
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

    private static readonly string[] IdHeaders = ["id", "label_id", "class_id", "index", "idx", "class_index", "label_index"];
    private static readonly string[] NameHeaders = ["name", "label", "class", "class_name", "label_name", "classname", "category"];

    private static List<string> FromLines(string text, string source)
    {
        var firstLine = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            Delimiter = firstLine.Contains('\t') ? "\t" : ",",
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var byId = new SortedDictionary<int, string>();
        var nextId = 0;
        int? idColumn = null;
        var first = true;
        while (parser.Read())
        {
            var record = parser.Record!;
            if (record is [""])
                continue;
            if (first && Header(record) is { } column)
            {
                idColumn = column;
                first = false;
                continue;
            }
            first = false;
            var (id, name) = record switch
            {
                [var only] when idColumn is null => (nextId, only),
                [var a, var b] when int.TryParse(idColumn == 1 ? b : a, CultureInfo.InvariantCulture, out var parsed) => (parsed, idColumn == 1 ? a : b),
                [var a, var b] when idColumn is null && int.TryParse(b, CultureInfo.InvariantCulture, out var parsed) => (parsed, a),
                _ => throw new AnnotationException($"{source}:{parser.RawRow}: expected a class name, or an id and a name (id,name or name,id, under a header or none)"),
            };
            if (name.Length == 0 || !byId.TryAdd(id, name))
                throw new AnnotationException($"{source}:{parser.RawRow}: empty name or repeated id {id}");
            nextId = id + 1;
        }
        return Checked(byId, source);
    }

    /// <summary>The id's column when <paramref name="record"/> is a header line: an id heading and a name heading.</summary>
    private static int? Header(string[] record)
    {
        if (record is not [var a, var b])
            return null;
        var (first, second) = (a.ToLowerInvariant(), b.ToLowerInvariant());
        return IdHeaders.Contains(first) && NameHeaders.Contains(second) ? 0
            : NameHeaders.Contains(first) && IdHeaders.Contains(second) ? 1
            : null;
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
