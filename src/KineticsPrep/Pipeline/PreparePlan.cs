using System.Diagnostics;
using KineticsPrep.Download;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Resize;

namespace KineticsPrep.Pipeline;

/// <summary>
/// prepare --plan: what a run would do, read from the mirror and measured on this machine, with nothing written under
/// the root or its parent (a sample clip is encoded in the system's temporary folder).
/// </summary>
/// <param name="Splits">Per split, the archives and the annotation rows (null when its CSV could not be read).</param>
/// <param name="FreeWhere">The folder whose free space counts: the root, or its nearest existing parent.</param>
/// <param name="EncodeTime">The resize's share of the time, from the sample's speed, the clips and the workers.</param>
public sealed record PreparePlan(
    IReadOnlyList<PreparePlan.Split> Splits, long DownloadBytes, long PeakBytes, long PeakBytesKeepingOriginals, long FreeBytes, string FreeWhere,
    TimeSpan EncodeTime, IReadOnlyList<string> Failures)
{
    public sealed record Split(string Name, int Archives, int? Clips);

    /// <summary>Kinetics clips last 10 s; the sample is timed per second of video.</summary>
    private const double ClipSeconds = 10;

    private const double SampleSeconds = 3;

    public static async Task<PreparePlan> MakeAsync(PrepareOptions options, FileDownloader downloader, MediaTools tools, CancellationToken cancellationToken)
    {
        var plan = await new DownloadPlanner(downloader, options.Mirror, options.Subset?.Classes).PlanAsync(options.Version, options.Splits, options.Root, cancellationToken);
        var sizes = await ArchiveSizes.OfAsync(plan.Archives, downloader, cancellationToken);
        var splits = new List<Split>();
        foreach (var split in options.Splits)
        {
            var annotation = plan.Annotations.FirstOrDefault(a => a.Split == split);
            splits.Add(new Split(split, plan.Archives.Count(a => a.Split == split), annotation is null ? null : await RowsAsync(downloader, annotation.Url, cancellationToken)));
        }
        var free = NearestExisting(options.Root.Path);
        var freeBytes = new DriveInfo(free).AvailableFreeSpace;
        var perClip = await SecondsPerClipAsync(options, tools, cancellationToken);
        var clips = splits.Sum(s => s.Clips ?? 0);
        return new PreparePlan(splits, sizes.Sum(), DiskEstimate.For(sizes, options, freeBytes).PeakBytes,
            DiskEstimate.For(sizes, options with { KeepOriginals = true }, freeBytes).PeakBytes, freeBytes, free,
            TimeSpan.FromSeconds(perClip * clips / Math.Max(1, options.Resize.Workers)), plan.Failures);
    }

    private static async Task<int?> RowsAsync(FileDownloader downloader, string url, CancellationToken cancellationToken)
    {
        try
        {
            var text = await downloader.FetchTextAsync(url, cancellationToken);
            return Math.Max(0, text.Split('\n').Count(line => line.Trim().Length > 0) - 1);
        }
        catch (DownloadFailedException)
        {
            return null;
        }
    }

    private static string NearestExisting(string path)
    {
        var folder = path;
        while (!Directory.Exists(folder))
            folder = Path.GetDirectoryName(folder) ?? "/";
        return folder;
    }

    /// <summary>One worker's time for a 10 s clip: a 640×360 sample encoded with the run's settings, scaled by length.</summary>
    private static async Task<double> SecondsPerClipAsync(PrepareOptions options, MediaTools tools, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder("plan");
        var sample = Path.Combine(scratch.Path, "sample.mp4");
        await new FFmpeg(tools.FFmpegPath).SyntheticAsync(sample, 640, 360, SampleSeconds, cancellationToken);
        var clock = Stopwatch.StartNew();
        await new ClipResizer(tools, options.Resize with { AlwaysEncode = true }).ResizeAsync(
            new ResizeJob(sample, Path.Combine(scratch.Path, "out.mp4"), new FileInfo(sample).Length), cancellationToken);
        return clock.Elapsed.TotalSeconds * ClipSeconds / SampleSeconds;
    }
}
