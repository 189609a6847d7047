using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>
/// Reads a Kinetics annotation CSV in any of its dialects, told apart by the header: K400
/// (<c>label,youtube_id,time_start,time_end,split,is_cc</c>, multi-word labels quoted), K600/K700 and the labelled test
/// (no is_cc), and the old unlabelled test (no label). LF or CRLF, with or without a BOM.
/// </summary>
public static class AnnotationCsv
{
    private static readonly string[] RequiredColumns = ["youtube_id", "time_start", "time_end"];

    /// <param name="badRows">When given, malformed rows are added here and skipped; otherwise the first one throws.</param>
    /// <exception cref="AnnotationException">The header lacks a required column, or a row is malformed.</exception>
    public static IReadOnlyList<AnnotationRow> Read(string path, string split, ICollection<BadRow>? badRows)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, configuration);

        if (!parser.Read())
            throw new AnnotationException($"{path}:1: empty file, expected a header such as label,youtube_id,time_start,time_end,split");
        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new AnnotationException($"{path}:1: header lacks {string.Join(", ", missing)}: {string.Join(",", header)}");
        int label = header.IndexOf("label"), id = header.IndexOf("youtube_id"),
            start = header.IndexOf("time_start"), end = header.IndexOf("time_end");

        var rows = new List<AnnotationRow>();
        while (parser.Read())
        {
            var line = parser.RawRow;
            var record = parser.Record!;
            if (record is [""])
                continue;
            var problem = Problem(record, header.Count, label, id, start, end, out var row);
            if (problem is null)
            {
                rows.Add(row! with { Split = split, Line = line });
                continue;
            }
            var bad = new BadRow(path, line, problem);
            if (badRows is null)
                throw new AnnotationException($"{bad} (use --skip-bad-rows to report such rows and go on)");
            badRows.Add(bad);
        }
        return rows;
    }

    private static string? Problem(string[] record, int columns, int label, int id, int start, int end, out AnnotationRow? row)
    {
        row = null;
        if (record.Length != columns)
            return $"expected {columns} fields, found {record.Length}: {string.Join(",", record)}";
        if (record[id].Length == 0)
            return "empty youtube_id";
        if (label >= 0 && record[label].Length == 0)
            return "empty label";
        if (!TryTime(record[start], out var timeStart) || !TryTime(record[end], out var timeEnd))
            return $"time_start/time_end are not whole seconds: {record[start]}, {record[end]}";
        row = new AnnotationRow(label >= 0 ? record[label] : null, record[id], timeStart, timeEnd, "", 0);
        return null;
    }

    // Some copies of the CSVs write times as "17.0".
    private static bool TryTime(string text, out int seconds)
    {
        seconds = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value != Math.Floor(value) || value > int.MaxValue)
            return false;
        seconds = (int)value;
        return true;
    }
}
