using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>Writes one split's training list in a <see cref="ListFormat"/>. Files are written whole, then renamed.</summary>
public static class ListWriter
{
    public const string UnlabelledFolder = "_unlabelled";

    /// <summary>The header of the csv format.</summary>
    public static readonly IReadOnlyList<string> CsvFields = ["path", "label_id", "label", "youtube_id", "time_start", "time_end", "split"];

    /// <summary>The file or folder the list of <paramref name="split"/> goes to.</summary>
    public static string PathFor(ListFormat format, string outDir, string split) => format switch
    {
        ListFormat.Json => Path.Combine(outDir, split + ".json"),
        ListFormat.Folders => Path.Combine(outDir, split),
        _ => Path.Combine(outDir, split + ".csv"),
    };

    /// <param name="displayPath">The path as written into the list (absolute, or relative to --relative-to).</param>
    /// <exception cref="AnnotationException">A separated list would hold a path with its separator in it.</exception>
    public static void Write(
        ListFormat format, string outDir, string split, IReadOnlyList<ListEntry> entries, IReadOnlyList<string> labels,
        Func<string, string> displayPath)
    {
        var path = PathFor(format, outDir, split);
        switch (format)
        {
            case ListFormat.VideoMae:
                AtomicFile.Write(path, writer => WriteSeparated(writer, entries, displayPath, ' ', "whitespace", char.IsWhiteSpace));
                break;
            case ListFormat.UniFormerV2:
                AtomicFile.Write(path, writer => WriteSeparated(writer, entries, displayPath, ',', "a comma", c => c == ','));
                break;
            case ListFormat.Csv:
                AtomicFile.Write(path, writer => WriteCsv(writer, entries, labels, displayPath));
                break;
            case ListFormat.Json:
                AtomicFile.Write(path, writer => WriteJson(writer, entries, displayPath));
                break;
            case ListFormat.Folders:
                WriteLinks(path, entries, labels, displayPath);
                break;
        }
    }

    /// <summary><c>PATH&lt;separator&gt;LABEL_ID</c> lines; a path that holds the separator is refused, as its readers would split it.</summary>
    private static void WriteSeparated(
        TextWriter writer, IReadOnlyList<ListEntry> entries, Func<string, string> displayPath, char separator, string what, Func<char, bool> breaks)
    {
        foreach (var entry in entries)
        {
            var path = displayPath(entry.Path);
            if (path.Any(breaks))
                throw new AnnotationException(
                    $"'{path}' contains {what}, which a '{separator}'-separated list cannot hold. Use --format csv or --format json, or move the videos to a path without it.");
            writer.Write(path);
            writer.Write(separator);
            writer.Write(entry.LabelId.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<ListEntry> entries, IReadOnlyList<string> labels, Func<string, string> displayPath)
    {
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var field in CsvFields)
            csv.WriteField(field);
        csv.NextRecord();
        foreach (var entry in entries)
        {
            csv.WriteField(displayPath(entry.Path));
            csv.WriteField(entry.LabelId);
            csv.WriteField(entry.LabelId >= 0 ? labels[entry.LabelId] : "");
            csv.WriteField(entry.Row.YoutubeId);
            csv.WriteField(entry.Row.TimeStart);
            csv.WriteField(entry.Row.TimeEnd);
            csv.WriteField(entry.Row.Split);
            csv.NextRecord();
        }
    }

    private static void WriteJson(TextWriter writer, IReadOnlyList<ListEntry> entries, Func<string, string> displayPath)
    {
        var items = entries.Select(e => new JsonListItem(displayPath(e.Path), e.LabelId)).ToList();
        writer.Write(JsonSerializer.Serialize(items, DatasetJson.OneLine.ListJsonListItem));
        writer.Write('\n');
    }

    private static void WriteLinks(string splitFolder, IReadOnlyList<ListEntry> entries, IReadOnlyList<string> labels, Func<string, string> displayPath)
    {
        foreach (var entry in entries)
        {
            var className = entry.LabelId >= 0 ? labels[entry.LabelId].Replace('/', '_') : UnlabelledFolder;
            if (PlainName.Problem(className) is { } problem)
                throw new AnnotationException($"class name '{labels[entry.LabelId]}' cannot be a folder of the folders format: {problem}");
            var link = Path.Combine(splitFolder, className, Path.GetFileName(entry.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null)
                File.Delete(link);
            var target = displayPath(entry.Path);
            // A relative list path is relative to --relative-to; a link target must be relative to the link itself.
            File.CreateSymbolicLink(link, Path.IsPathRooted(target) ? target : Path.GetRelativePath(Path.GetDirectoryName(link)!, entry.Path));
        }
    }
}
