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
        // A row's first line: a quoted field may hold line breaks, and the parser counts to the row's last.
        var lastLine = parser.RawRow;
        while (parser.Read())
        {
            var line = lastLine + 1;
            lastLine = parser.RawRow;
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

    /// <summary>
    /// Why a fetched file is no annotation CSV at all (a captive portal's or proxy's HTML page, an error body, an empty
    /// file): its first line is no header with the required columns, or no row follows it. Null when it is one.
    /// </summary>
    public static string? Foreign(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        if (RequiredColumns.All(Header(reader).Contains) && reader.ReadLine() is { Length: > 0 })
            return null;
        var start = File.ReadAllBytes(path).Take(80).Select(b => b is >= 0x20 and < 0x7f ? (char)b : ' ');
        return $"not a Kinetics annotation CSV (a header with {string.Join(", ", RequiredColumns)}, then rows); it starts with '{string.Concat(start).Trim()}'";
    }

    /// <summary>Whether a file is an annotation CSV as the release ships it (its columns, and none of the lists' own "path").</summary>
    public static bool IsOfficial(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var columns = Header(reader);
        return RequiredColumns.All(columns.Contains) && !columns.Contains("path");
    }

    /// <summary>The first line's column names, lower case, unquoted.</summary>
    private static List<string> Header(StreamReader reader) =>
        (reader.ReadLine() ?? "").Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();

    private static string? Problem(string[] record, int columns, int label, int id, int start, int end, out AnnotationRow? row)
    {
        row = null;
        if (record.Length != columns)
            return $"expected {columns} fields, found {record.Length}: {string.Join(",", record)}";
        if (record[id].Length == 0)
            return "empty youtube_id";
        if (label >= 0 && record[label].Length == 0)
            return "empty label";
        // labels.txt holds one name per line: a name that spans lines would shift every id after it.
        if (label >= 0 && record[label].Any(char.IsControl))
            return $"the label holds a newline, tab or other control character: '{string.Concat(record[label].Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}'";
        if (!TryTime(record[start], out var timeStart) || !TryTime(record[end], out var timeEnd))
            return $"time_start/time_end are not whole seconds: {record[start]}, {record[end]}";
        // A few hundred labels over 300k rows: each held once.
        row = new AnnotationRow(label >= 0 ? string.Intern(record[label]) : null, record[id], timeStart, timeEnd, "", 0);
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
