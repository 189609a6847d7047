using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>
/// Reads back the training lists that <see cref="ListWriter"/> writes, in each of its formats: the one reader that
/// verify's list fixing, the report and anything later share.
/// </summary>
public static class ListReader
{
    public static readonly JsonSerializerOptions JsonOptions = DatasetJson.OneLine.Options;

    /// <summary>The class names in id order, from the lists folder's labels.txt; empty when there is none.</summary>
    public static IReadOnlyList<string> Labels(string listsFolder)
    {
        var labelsFile = System.IO.Path.Combine(listsFolder, DatasetRoot.LabelsFileName);
        return File.Exists(labelsFile) ? File.ReadAllLines(labelsFile) : [];
    }

    /// <summary>Every split the lists folder has a list for, with the format it was written in, in split order.</summary>
    public static IReadOnlyList<(string Split, ListFormat Format)> Written(string listsFolder) =>
        SplitFiles.Splits
            .Select(split => (split, format: FormatOf(listsFolder, split)))
            .Where(s => s.format is not null)
            .Select(s => (s.split, s.format!.Value))
            .ToList();

    /// <summary>The format a split's list was written in, told from what the lists folder holds; null when it has none.</summary>
    public static ListFormat? FormatOf(string listsFolder, string split)
    {
        var csv = ListWriter.PathFor(ListFormat.Csv, listsFolder, split);
        if (File.Exists(csv))
            return File.ReadLines(csv).FirstOrDefault() switch
            {
                { } first when first == string.Join(',', ListWriter.CsvFields) => ListFormat.Csv,
                { } first when first.LastIndexOf(',') > first.LastIndexOf(' ') => ListFormat.UniFormerV2,
                _ => ListFormat.VideoMae,
            };
        if (File.Exists(ListWriter.PathFor(ListFormat.Json, listsFolder, split)))
            return ListFormat.Json;
        return Directory.Exists(ListWriter.PathFor(ListFormat.Folders, listsFolder, split)) ? ListFormat.Folders : null;
    }

    /// <param name="labels">The class names in id order (labels.txt); the folders format names its folders after them.</param>
    public static IReadOnlyList<ListLine> Read(string listsFolder, string split, ListFormat format, IReadOnlyList<string> labels)
    {
        var path = ListWriter.PathFor(format, listsFolder, split);
        return format switch
        {
            ListFormat.VideoMae => File.ReadLines(path).Where(line => line.Length > 0).Select(line => Separated(line, ' ')).ToList(),
            ListFormat.UniFormerV2 => File.ReadLines(path).Where(line => line.Length > 0).Select(line => Separated(line, ',')).ToList(),
            ListFormat.Csv => CsvRecords(path),
            ListFormat.Json => JsonNode.Parse(File.ReadAllText(path))!.AsArray()
                .Select(item => new ListLine(item!["filename"]!.GetValue<string>(), item["label"]!.GetValue<int>(), item.ToJsonString(JsonOptions)))
                .ToList(),
            _ => Links(path, labels),
        };
    }

    // "PATH LABEL_ID" or "PATH,LABEL_ID": the path is everything before the last separator.
    private static ListLine Separated(string line, char separator)
    {
        var at = line.LastIndexOf(separator);
        return new ListLine(line[..at], int.Parse(line[(at + 1)..], CultureInfo.InvariantCulture), line);
    }

    private static List<ListLine> CsvRecords(string path)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var lines = new List<ListLine>();
        parser.Read(); // the header
        while (parser.Read())
            lines.Add(new ListLine(parser[0], int.Parse(parser[1], CultureInfo.InvariantCulture), parser.RawRecord.TrimEnd('\r', '\n')));
        return lines;
    }

    /// <summary>The folders format: split/class/clip links; the link's target is the path, its folder the class.</summary>
    private static List<ListLine> Links(string splitFolder, IReadOnlyList<string> labels)
    {
        var ids = labels.Select((name, id) => (Folder: name.Replace('/', '_'), id)).ToDictionary(c => c.Folder, c => c.id);
        return Directory.GetDirectories(splitFolder).Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(link => new ListLine(
                new FileInfo(link).LinkTarget ?? link,
                ids.GetValueOrDefault(System.IO.Path.GetFileName(folder), -1),
                link)))
            .ToList();
    }
}
