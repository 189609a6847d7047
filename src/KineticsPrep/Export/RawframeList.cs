using System.Globalization;
using KineticsPrep.Dataset;
using KineticsPrep.IO;

namespace KineticsPrep.Export;

/// <summary>
/// mmaction2's rawframe list, <c>lists/&lt;split&gt;_rawframes.txt</c>: a line per clip, <c>frame_dir total_frames
/// label</c>, split on whitespace by its <c>RawframeDataset</c> (mmaction/datasets/rawframe_dataset.py), which reads
/// frames <c>img_00001.jpg</c> to <c>img_{total_frames:05}.jpg</c> of the folder.
/// </summary>
public static class RawframeList
{
    /// <summary>One line: the clip's folder of frames (absolute), how many there are, its label id.</summary>
    public sealed record Line(string Folder, int Frames, int LabelId);

    /// <summary>mmaction2's default <c>filename_tmpl</c> with its default <c>start_index</c> of 1.</summary>
    public static string FrameName(int number) => string.Create(CultureInfo.InvariantCulture, $"img_{number:D5}.jpg");

    /// <summary>The frame names as ffmpeg's image muxer numbers them, from 1.</summary>
    public const string FramePattern = "img_%05d.jpg";

    public static string PathFor(string listsFolder, string split) => Path.Combine(listsFolder, $"{split}_rawframes.txt");

    /// <exception cref="AnnotationException">A folder the list cannot hold (<see cref="ListFormat.PathProblem"/>).</exception>
    public static void Write(string path, IEnumerable<Line> lines)
    {
        var all = lines.ToList();
        if (all.Select(l => ListFormat.PathProblem(l.Folder)).OfType<string>().FirstOrDefault() is { } refusal)
            throw new AnnotationException(refusal);
        AtomicFile.WriteAllLines(path, all.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Folder} {l.Frames} {l.LabelId}")));
    }
}
