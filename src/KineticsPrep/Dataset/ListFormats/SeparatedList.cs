using System.Globalization;
using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>
/// <c>PATH&lt;separator&gt;LABEL_ID</c> lines in <c>split.csv</c>, no header. A path that holds the separator is
/// refused, as its readers would split it; on reading, the path is everything before the last separator.
/// </summary>
public abstract class SeparatedList : ListFormat
{
    protected abstract char Separator { get; }

    /// <summary>What breaks a line, for the error message.</summary>
    protected abstract string Breaker { get; }

    protected abstract bool Breaks(char c);

    public override string PathFor(string listsFolder, string split) => Path.Combine(listsFolder, split + ".csv");

    /// <summary>The first line of a split's .csv, which tells the three formats written there apart; null when none.</summary>
    protected static string? FirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault() ?? "" : null;

    public override void Write(string path, IReadOnlyList<ListedClip> entries, IReadOnlyList<string> labels, Func<string, string> displayPath) =>
        AtomicFile.Write(path, writer =>
        {
            foreach (var entry in entries)
            {
                var shown = displayPath(entry.Path);
                if (shown.Any(Breaks))
                    throw new AnnotationException(
                        $"'{shown}' contains {Breaker}, which a '{Separator}'-separated list cannot hold. Use --format csv or --format json, or move the videos to a path without it.");
                writer.Write(shown);
                writer.Write(Separator);
                writer.Write(entry.LabelId.ToString(CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });

    public override IReadOnlyList<ListLine> Read(string path, IReadOnlyList<string> labels) =>
        Lines(path).Select(line => new ListLine(line.Text[..line.At], line.LabelId, line.Text)).ToList();

    /// <summary>Counted a line at a time: a root's list read whole to be counted would be 100 MB at once.</summary>
    public override int Count(string path, IReadOnlyList<string> labels) => Lines(path).Count();

    /// <summary>Each line with the position of its last separator and the class id after it.</summary>
    /// <exception cref="FormatException">A line that does not end in the separator and a class id.</exception>
    private IEnumerable<(string Text, int At, int LabelId)> Lines(string path)
    {
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            var at = line.LastIndexOf(Separator);
            if (at < 0 || !int.TryParse(line.AsSpan(at + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var labelId))
                throw new FormatException($"{path}: '{line}' does not end in '{Separator}' and a class id");
            yield return (line, at, labelId);
        }
    }

    public override void Rewrite(string path, IReadOnlyList<ListLine> kept, IReadOnlyList<ListLine> removed) =>
        AtomicFile.WriteAllLines(path, kept.Select(line => line.Text));
}
