using System.Globalization;
using System.Security.Cryptography;
using KineticsPrep.IO;
using KineticsPrep.Media;

namespace KineticsPrep.Resize;

/// <summary>
/// Resizes clips: read each one's stream facts, encode to a partial file, check it is complete, rename it into place.
/// Several clips share one ffmpeg, as starting it costs more than encoding a short clip's first seconds.
/// </summary>
/// <param name="flushesEachClip">Whether each clip is flushed to disk before it gets its final name; false only where the
/// caller flushes clips a batch at a time before recording them, and makes again any clip in place it has not recorded
/// (prepare's <see cref="State.ResizedBatch"/>).</param>
public sealed class ClipResizer(MediaTools tools, ResizeOptions options, bool flushesEachClip = true)
{
    /// <summary>The most clips one ffmpeg makes: what one failed ffmpeg costs to make again clip by clip.</summary>
    public const int MaxBatch = 8;

    /// <summary>The source pixels one ffmpeg decodes at a time, as each decoder holds its own reference frames: four
    /// 720p clips, or one larger clip alone.</summary>
    private const long BatchPixels = 4L * 1280 * 720;

    /// <summary>An encode that stops this far short of the input's duration means the input was truncated.</summary>
    private const double ShortfallToleranceSeconds = 0.5;

    private readonly FFprobe _ffprobe = new(tools.FFprobePath);
    private readonly FFmpeg _ffmpeg = new(tools.FFmpegPath);

    /// <summary>
    /// Resizes <paramref name="jobs"/>, several to one ffmpeg. When that ffmpeg fails, or one of its outputs is not whole
    /// or falls short of its source, those clips are made again one by one, so that each bad clip gets its own reason.
    /// Never throws for a bad clip; cancellation does throw.
    /// </summary>
    /// <returns>Each job's outcome, in the order of <paramref name="jobs"/>.</returns>
    /// <exception cref="DiskFullException">The output's disk is full: no clip can be done until there is room.</exception>
    public async Task<IReadOnlyList<ClipOutcome>> ResizeAsync(IReadOnlyList<ResizeJob> jobs, CancellationToken cancellationToken)
    {
        var outcomes = new ClipOutcome[jobs.Count];
        var batch = new List<(int Index, ResizeJob Job, PlannedClip Clip)>();
        long pixels = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i].SourceBytes == 0 || await TryPlanAsync(jobs[i], cancellationToken) is not { } clip)
            {
                outcomes[i] = await ResizeAsync(jobs[i], cancellationToken);
                continue;
            }
            var clipPixels = (long)clip.Info.CodedWidth * clip.Info.CodedHeight;
            if (batch.Count > 0 && pixels + clipPixels > BatchPixels)
            {
                await MakeTogetherAsync(batch, outcomes, cancellationToken);
                (batch, pixels) = ([], 0);
            }
            batch.Add((i, jobs[i], clip));
            pixels += clipPixels;
        }
        await MakeTogetherAsync(batch, outcomes, cancellationToken);
        return outcomes;
    }

    /// <summary>One clip, with an ffmpeg of its own. Never throws for a bad clip: failures come back as an outcome.
    /// Cancellation does throw.</summary>
    /// <exception cref="DiskFullException">The output's disk is full: no clip can be done until there is room.</exception>
    public async Task<ClipOutcome> ResizeAsync(ResizeJob job, CancellationToken cancellationToken) =>
        job.SourceBytes == 0
            ? new ClipOutcome(job, ClipStatus.Failed, Reason: "empty file (0 bytes)")
            : await OutcomeAsync(job, async () => await MakeAloneAsync(job, await PlanAsync(job, cancellationToken), cancellationToken));

    /// <summary>What <paramref name="make"/> gives, or the failure it ran into; the partial file is gone either way.</summary>
    private static async Task<ClipOutcome> OutcomeAsync(ResizeJob job, Func<Task<ClipOutcome>> make)
    {
        try
        {
            return await make();
        }
        catch (MediaToolException e)
        {
            return new ClipOutcome(job, ClipStatus.Failed, Reason: e.Reason, CommandLine: e.CommandLine, Transient: e.Transient);
        }
        catch (IOException e) when (DiskSpace.IsFull(e))
        {
            throw DiskFull(job, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written, a file that cannot be read: nothing against the clip itself.
            return new ClipOutcome(job, ClipStatus.Failed, Reason: e.Message, Transient: true);
        }
        finally
        {
            DeletePartial(job);
        }
    }

    private async Task<PlannedClip> PlanAsync(ResizeJob job, CancellationToken cancellationToken)
    {
        var info = await ProbeAsync(job, cancellationToken);
        return new PlannedClip(job.SourcePath, job.PartialPath, info,
            TargetSize.For(info.DisplayWidth, info.DisplayHeight, options.ShortSide, options.Upscale));
    }

    /// <summary>The clip's plan, or null when it cannot be probed: made alone, it fails with its reason.</summary>
    private async Task<PlannedClip?> TryPlanAsync(ResizeJob job, CancellationToken cancellationToken)
    {
        try
        {
            return await PlanAsync(job, cancellationToken);
        }
        catch (Exception e) when (e is MediaToolException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task<ClipOutcome> MakeAloneAsync(ResizeJob job, PlannedClip clip, CancellationToken cancellationToken)
    {
        PrepareOutput(job);
        var result = await EncodeAsync(job, FFmpegArguments.For([clip], options, tools.Version), cancellationToken);
        if (ShortOf(clip.Info, result.EncodedSeconds, result.Frames) is { } encoded)
            return new ClipOutcome(job, ClipStatus.Failed, clip.Size, Truncated(job, clip.Info, encoded, result), result.CommandLine);
        var (made, problem) = CheckOutput(job);
        if (made is null)
            return new ClipOutcome(job, ClipStatus.Failed, clip.Size, $"the encoded file is incomplete: {problem}", result.CommandLine, Transient: true);
        return Done(job, clip, made);
    }

    /// <summary>The clips of <paramref name="batch"/> by one ffmpeg; any that it did not make whole, each on its own.</summary>
    private async Task MakeTogetherAsync(
        IReadOnlyList<(int Index, ResizeJob Job, PlannedClip Clip)> batch, ClipOutcome[] outcomes, CancellationToken cancellationToken)
    {
        if (batch.Count > 1)
        {
            try
            {
                foreach (var (_, job, _) in batch)
                    PrepareOutput(job);
                await EncodeAsync(batch[0].Job, FFmpegArguments.For(batch.Select(b => b.Clip).ToList(), options, tools.Version), cancellationToken);
                foreach (var (index, job, clip) in batch)
                {
                    if (WholeOutput(clip) is { } made)
                        outcomes[index] = Done(job, clip, made);
                }
            }
            catch (IOException e) when (DiskSpace.IsFull(e))
            {
                throw DiskFull(batch[0].Job, e);
            }
            catch (Exception e) when (e is MediaToolException or IOException or UnauthorizedAccessException)
            {
                // Made again one by one below, where each clip meets its own fault.
            }
            finally
            {
                foreach (var (_, job, _) in batch)
                    DeletePartial(job);
            }
        }
        foreach (var (index, job, clip) in batch.Where(b => outcomes[b.Index] is null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes[index] = await OutcomeAsync(job, () => MakeAloneAsync(job, clip, cancellationToken));
        }
    }

    /// <summary>The output's folder is there, and no partial file: a fresh file, not a truncated one, as an ffmpeg
    /// orphaned by a killed run may still be writing the old one.</summary>
    private static void PrepareOutput(ResizeJob job)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(job.OutputPath)!);
        DeletePartial(job);
    }

    private ClipOutcome Done(ResizeJob job, PlannedClip clip, MadeFile made)
    {
        File.Move(job.PartialPath, job.OutputPath, overwrite: true);
        var status = FFmpegArguments.CanCopyVideo(clip.Info, clip.Size, options) ? ClipStatus.Copied : ClipStatus.Encoded;
        return new ClipOutcome(job, status, clip.Size, Source: clip.Info, Made: made);
    }

    /// <summary>
    /// The source's video stream: read in-process from an H.264 mp4's headers, so that the clip costs one process, not
    /// two; asked of ffprobe for anything else, and when the audio is kept (the headers reader does not pick it).
    /// </summary>
    private async Task<VideoInfo> ProbeAsync(ResizeJob job, CancellationToken cancellationToken) =>
        (options.KeepAudio ? null : Mp4Header.Probe(job.SourcePath)) ?? await _ffprobe.ProbeAsync(job.SourcePath, cancellationToken);

    /// <summary>Runs ffmpeg; a write error for lack of space stops the run instead of failing the clip.</summary>
    private async Task<FFmpeg.Result> EncodeAsync(ResizeJob job, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        FFmpeg.Result result;
        try
        {
            result = await _ffmpeg.RunAsync(arguments, MediaFile.Url(job.SourcePath), cancellationToken);
        }
        catch (MediaToolException e) when (DiskSpace.IsFullMessage(e.Reason))
        {
            throw DiskFull(job, e);
        }
        if (result.StderrTail.Any(DiskSpace.IsFullMessage))
            throw DiskFull(job, null);
        return result;
    }

    /// <summary>
    /// The partial output when it is a whole mp4 (now on disk unless the caller flushes it later), with its SHA-256 read
    /// while it is open and still in the page cache; otherwise what is wrong with it. An incomplete file on a disk with
    /// less room left than the source's size is taken for a full disk.
    /// </summary>
    private (MadeFile? Made, string? Problem) CheckOutput(ResizeJob job)
    {
        using var output = new FileStream(job.PartialPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (Mp4Container.Problem(output) is not { } problem)
            return (Made(output), null);
        if (DiskSpace.FreeBytes(job.PartialPath) is { } free && free < Math.Max(job.SourceBytes, MinimumRoom))
            throw DiskFull(job, null);
        return (null, problem);
    }

    /// <summary>
    /// The partial output of a clip made with others, when it is a whole mp4 whose video track is as long as its source's
    /// (the ffmpeg's progress tells of all its outputs at once, not of each); otherwise null.
    /// </summary>
    private MadeFile? WholeOutput(PlannedClip clip)
    {
        using var output = new FileStream(clip.OutputPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (Mp4Container.Problem(output) is not null || VideoTrack.ReadMp4(output) is not { } track
            || ShortOf(clip.Info, track.DurationSeconds, track.Frames) is not null)
            return null;
        return Made(output);
    }

    private MadeFile Made(FileStream output)
    {
        if (flushesEachClip)
            output.Flush(flushToDisk: true);
        output.Position = 0;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(output));
        return new MadeFile(output.Length, File.GetLastWriteTimeUtc(output.SafeFileHandle).Ticks, sha256);
    }

    private const long MinimumRoom = 16 << 20;

    private static DiskFullException DiskFull(ResizeJob job, Exception? inner) =>
        new(Path.GetDirectoryName(job.OutputPath)!, job.SourceBytes, inner);

    private static void DeletePartial(ResizeJob job)
    {
        if (File.Exists(job.PartialPath))
            File.Delete(job.PartialPath);
    }

    /// <summary>How far an encode got, when it stopped short of the source's duration; null when it did not (or the
    /// source gives no duration).</summary>
    private double? ShortOf(VideoInfo source, double? encodedSeconds, long frames)
    {
        if (source.DurationSeconds is not { } expected || encodedSeconds is not { } encoded)
            return null;
        // ffmpeg's time is that of the last packet muxed, which trails the frames encoded by the B-frame delay: at a low
        // rate (--fps 1) that is seconds. The frames written at the output's rate say how much was encoded.
        if ((options.Fps ?? source.FrameRate) is { } rate and > 0)
            encoded = Math.Max(encoded, frames / rate);
        return encoded >= expected - ShortfallToleranceSeconds || encoded >= expected * 0.95 ? null : encoded;
    }

    private static string Truncated(ResizeJob job, VideoInfo source, double encoded, FFmpeg.Result result)
    {
        var detail = ToolProcess.Reason(result.StderrTail, MediaFile.Url(job.SourcePath), "");
        var message = string.Format(
            CultureInfo.InvariantCulture, "truncated: only {0:0.0} s of {1:0.0} s could be decoded", encoded, source.DurationSeconds);
        return detail.Length == 0 ? message : $"{message} ({detail})";
    }
}
