using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>Class names and their ids: id = position in <see cref="Names"/>.</summary>
public sealed class LabelMap
{
    private readonly Dictionary<string, int> _ids;

    private LabelMap(IReadOnlyList<string> names)
    {
        Names = names;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            _ids.TryAdd(names[i], i);
    }

    public IReadOnlyList<string> Names { get; }

    public int? IdOf(string label) => _ids.TryGetValue(label, out var id) ? id : null;

    /// <summary>The community's order: the unique label names, sorted ordinally (byte order, as Python's sorted()).</summary>
    public static LabelMap FromLabels(IEnumerable<string> labels) =>
        new(labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Reads a map file: one name per line (line number = id, from 0), or <c>id,name</c> lines; quotes are stripped.
    /// </summary>
    /// <exception cref="AnnotationException">A line is malformed or an id repeats.</exception>
    public static LabelMap FromFile(string path)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, TrimOptions = TrimOptions.Trim };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, configuration);
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
                _ => throw new AnnotationException($"{path}:{parser.RawRow}: expected a class name or id,name"),
            };
            if (name.Length == 0 || !byId.TryAdd(id, name))
                throw new AnnotationException($"{path}:{parser.RawRow}: empty name or repeated id {id}");
            nextId = id + 1;
        }
        if (byId.Count == 0)
            throw new AnnotationException($"{path}: no class names");
        if (byId.Keys.First() != 0 || byId.Keys.Last() != byId.Count - 1)
            throw new AnnotationException($"{path}: ids must run from 0 to {byId.Count - 1} without gaps");
        return new LabelMap(byId.Values.ToList());
    }
}
