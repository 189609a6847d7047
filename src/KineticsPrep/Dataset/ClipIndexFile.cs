using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>
/// One clip of the lists with what a loader would otherwise scan for: its frames (as many as decode), frame rate,
/// duration, size, bytes, and the largest keyframe interval (the cost of a random seek). Null where unknown.
/// </summary>
public sealed record ClipFacts(
    string Path, string Split, int LabelId, long? Frames, double? Fps, double? Duration, int? Width, int? Height, long Bytes,
    long? MaxKeyframeInterval);

/// <summary>
/// <c>lists/index.csv</c>: a row per clip in the lists, so that torchvision's Kinetics and mmaction2's rawframe lists
/// need not open every clip to learn its metadata.
/// </summary>
public static class ClipIndexFile
{
    public const string FileName = "index.csv";

    public static readonly IReadOnlyList<string> Fields =
        ["path", "split", "label_id", "frames", "fps", "duration", "width", "height", "bytes", "max_keyframe_interval"];

    public static void Write(string listsFolder, IEnumerable<ClipFacts> clips) =>
        AtomicFile.Write(Path.Combine(listsFolder, FileName), writer =>
        {
            using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
            foreach (var field in Fields)
                csv.WriteField(field);
            csv.NextRecord();
            foreach (var clip in clips)
            {
                csv.WriteField(clip.Path);
                csv.WriteField(clip.Split);
                csv.WriteField(clip.LabelId);
                csv.WriteField(clip.Frames);
                csv.WriteField(clip.Fps?.ToString("0.###", CultureInfo.InvariantCulture));
                csv.WriteField(clip.Duration?.ToString("0.###", CultureInfo.InvariantCulture));
                csv.WriteField(clip.Width);
                csv.WriteField(clip.Height);
                csv.WriteField(clip.Bytes);
                csv.WriteField(clip.MaxKeyframeInterval);
                csv.NextRecord();
            }
        });

    public static IReadOnlyList<ClipFacts> Read(string listsFolder)
    {
        using var reader = new StreamReader(Path.Combine(listsFolder, FileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var clips = new List<ClipFacts>();
        while (csv.Read())
        {
            clips.Add(new ClipFacts(csv.GetField("path")!, csv.GetField("split")!, csv.GetField<int>("label_id"),
                csv.GetField<long?>("frames"), csv.GetField<double?>("fps"), csv.GetField<double?>("duration"),
                csv.GetField<int?>("width"), csv.GetField<int?>("height"), csv.GetField<long>("bytes"),
                csv.GetField<long?>("max_keyframe_interval")));
        }
        return clips;
    }
}
