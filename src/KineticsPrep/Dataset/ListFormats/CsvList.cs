using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>A real CSV with a header (split.csv): path,label_id,label,youtube_id,time_start,time_end,split.</summary>
public sealed class CsvList : ListFormat
{
    public static readonly IReadOnlyList<string> Fields = ["path", "label_id", "label", "youtube_id", "time_start", "time_end", "split"];

    internal static readonly string Header = string.Join(',', Fields);

    [ModuleInitializer]
    internal static void Add() => Register(new CsvList());

    public override string Name => "csv";

    public override string Description => "a CSV with a header: path, label_id, label, youtube_id, time_start, time_end, split";

    protected override int Order => 2;

    public override string PathFor(string listsFolder, string split) => Path.Combine(listsFolder, split + ".csv");

    public override bool Holds(string listsFolder, string split)
    {
        var path = PathFor(listsFolder, split);
        return File.Exists(path) && File.ReadLines(path).FirstOrDefault() == Header;
    }

    public override void Write(string path, IReadOnlyList<ListedClip> entries, IReadOnlyList<string> labels, Func<string, string> displayPath) =>
        AtomicFile.Write(path, writer =>
        {
            using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
            foreach (var field in Fields)
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
        });

    public override IReadOnlyList<ListLine> Read(string path, IReadOnlyList<string> labels)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var lines = new List<ListLine>();
        parser.Read(); // the header
        while (parser.Read())
            lines.Add(new ListLine(parser[0], int.Parse(parser[1], CultureInfo.InvariantCulture), parser.RawRecord.TrimEnd('\r', '\n')));
        return lines;
    }

    public override void Rewrite(string path, IReadOnlyList<ListLine> kept, IReadOnlyList<ListLine> removed) =>
        AtomicFile.WriteAllLines(path, kept.Select(line => line.Text).Prepend(Header));
}
