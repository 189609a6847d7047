using KineticsPrep.IO;
using KineticsPrep.Media;

namespace KineticsPrep.Export;

/// <summary>
/// The disk the frames still to write will take: their number (lists/index.csv) times the room a frame takes, measured
/// by making a few sample frames with the same settings, each rounded up to the file system's 4 KiB blocks.
/// </summary>
public sealed record RawframeEstimate(long Frames, long BytesPerFrame, long? FreeBytes)
{
    /// <summary>Clips lists/index.csv has no row for: a Kinetics clip is 10 s, at 30 fps.</summary>
    private const long FramesOfAnUnknownClip = 300;

    private const int Samples = 4;
    private const long Block = 4096;

    public long Bytes => Frames * BytesPerFrame;

    public bool Fits => FreeBytes is not { } free || Bytes <= free;

    /// <summary>Null when no sample frame could be made (the run itself will say why).</summary>
    internal static async Task<RawframeEstimate?> MakeAsync(
        IReadOnlyList<RawframeJob> jobs, RawframeOptions options, FFmpeg ffmpeg, string folder, CancellationToken cancellationToken)
    {
        var sizes = new List<long>();
        using (var scratch = new ScratchFolder("sample"))
        {
            foreach (var job in Spread(jobs))
            {
                var jpeg = Path.Combine(scratch.Path, $"{sizes.Count}.jpg");
                try
                {
                    await ffmpeg.StillAsync(job.Video.FullName, (job.Duration ?? 0) / 2, RawframeArguments.Filter(options), options.Quality, jpeg, cancellationToken);
                }
                catch (MediaToolException)
                {
                    continue;
                }
                if (File.Exists(jpeg))
                    sizes.Add((new FileInfo(jpeg).Length + Block - 1) / Block * Block);
            }
        }
        if (sizes.Count == 0)
            return null;
        var frames = jobs.Sum(job => job.ExpectedFrames ?? FramesOfAnUnknownClip);
        return new RawframeEstimate(frames, (long)sizes.Average(), DiskSpace.FreeBytes(folder));
    }

    /// <summary>A few clips from across the list, not only its first ones.</summary>
    private static IEnumerable<RawframeJob> Spread(IReadOnlyList<RawframeJob> jobs) =>
        Enumerable.Range(0, Math.Min(Samples, jobs.Count)).Select(i => jobs[i * jobs.Count / Math.Min(Samples, jobs.Count)]);
}
