using System.Globalization;
using System.Security.Cryptography;
using KineticsPrep.IO;
using KineticsPrep.Media;

namespace KineticsPrep.Resize;

/// <summary>Resizes one clip: read its stream facts, encode to a partial file, check it is complete, rename it into place.</summary>
/// <param name="flushesEachClip">Whether each clip is flushed to disk before it gets its final name; false only where the
/// caller flushes clips a batch at a time before recording them, and makes again any clip in place it has not recorded
/// (prepare's <see cref="State.ResizedBatch"/>).</param>
public sealed class ClipResizer(MediaTools tools, ResizeOptions options, bool flushesEachClip = true)
{
    /// <summary>An encode that stops this far short of the input's duration means the input was truncated.</summary>
    private const double ShortfallToleranceSeconds = 0.5;

    private readonly FFprobe _ffprobe = new(tools.FFprobePath);
    private readonly FFmpeg _ffmpeg = new(tools.FFmpegPath);

    /// <summary>Never throws for a bad clip: failures come back as an outcome. Cancellation does throw.</summary>
    /// <exception cref="DiskFullException">The output's disk is full: no clip can be done until there is room.</exception>
    public async Task<ClipOutcome> ResizeAsync(ResizeJob job, CancellationToken cancellationToken)
    {
        if (job.SourceBytes == 0)
            return new ClipOutcome(job, ClipStatus.Failed, Reason: "empty file (0 bytes)");
        try
        {
            var info = await ProbeAsync(job, cancellationToken);
            var size = TargetSize.For(info.DisplayWidth, info.DisplayHeight, options.ShortSide, options.Upscale);
            Directory.CreateDirectory(Path.GetDirectoryName(job.OutputPath)!);

            // A fresh file, not a truncated one: an ffmpeg orphaned by a killed run may still be writing the old one.
            DeletePartial(job);
            var arguments = FFmpegArguments.For(job.SourcePath, job.PartialPath, info, size, options, tools.Version);
            var result = await EncodeAsync(job, arguments, cancellationToken);
            if (Shortfall(job, info, result) is { } shortfall)
                return new ClipOutcome(job, ClipStatus.Failed, size, shortfall, result.CommandLine);
            var (made, problem) = CheckOutput(job);
            if (made is null)
                return new ClipOutcome(job, ClipStatus.Failed, size, $"the encoded file is incomplete: {problem}", result.CommandLine, Transient: true);

            File.Move(job.PartialPath, job.OutputPath, overwrite: true);
            var status = FFmpegArguments.CanCopyVideo(info, size, options) ? ClipStatus.Copied : ClipStatus.Encoded;
            return new ClipOutcome(job, status, size, Source: info, Made: made);
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
        {
            if (flushesEachClip)
                output.Flush(flushToDisk: true);
            output.Position = 0;
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(output));
            return (new MadeFile(output.Length, File.GetLastWriteTimeUtc(output.SafeFileHandle).Ticks, sha256), null);
        }
        if (DiskSpace.FreeBytes(job.PartialPath) is { } free && free < Math.Max(job.SourceBytes, MinimumRoom))
            throw DiskFull(job, null);
        return (null, problem);
    }

    private const long MinimumRoom = 16 << 20;

    private static DiskFullException DiskFull(ResizeJob job, Exception? inner) =>
        new(Path.GetDirectoryName(job.OutputPath)!, job.SourceBytes, inner);

    private static void DeletePartial(ResizeJob job)
    {
        if (File.Exists(job.PartialPath))
            File.Delete(job.PartialPath);
    }

    private string? Shortfall(ResizeJob job, VideoInfo info, FFmpeg.Result result)
    {
        if (info.DurationSeconds is not { } expected || result.EncodedSeconds is not { } encoded)
            return null;
        // ffmpeg's time is that of the last packet muxed, which trails the frames encoded by the B-frame delay: at a low
        // rate (--fps 1) that is seconds. The frames written at the output's rate say how much was encoded.
        if ((options.Fps ?? info.FrameRate) is { } rate and > 0)
            encoded = Math.Max(encoded, result.Frames / rate);
        if (encoded >= expected - ShortfallToleranceSeconds || encoded >= expected * 0.95)
            return null;
        var detail = ToolProcess.Reason(result.StderrTail, MediaFile.Url(job.SourcePath), "");
        var message = string.Format(
            CultureInfo.InvariantCulture, "truncated: only {0:0.0} s of {1:0.0} s could be decoded", encoded, expected);
        return detail.Length == 0 ? message : $"{message} ({detail})";
    }
}
