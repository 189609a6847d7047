using System.Globalization;

namespace KineticsPrep.Media;

/// <summary>Runs one ffmpeg encode and follows its progress.</summary>
public sealed class FFmpeg(string executablePath)
{
    /// <summary>What a finished encode reports: how far into the input it got, and its last stderr lines.</summary>
    public sealed record Result(double? EncodedSeconds, long Frames, IReadOnlyList<string> StderrTail, string CommandLine);

    /// <param name="arguments">Arguments that include <c>-progress pipe:1</c>, as <c>Resize.FFmpegArguments</c> builds them.</param>
    /// <param name="inputUrl">The input as named in the arguments, to strip from error messages.</param>
    /// <exception cref="MediaToolException">ffmpeg failed.</exception>
    public async Task<Result> RunAsync(
        IReadOnlyList<string> arguments, string inputUrl, CancellationToken cancellationToken)
    {
        double? encodedSeconds = null;
        long frames = 0;
        var output = await ToolProcess.RunAsync(executablePath, arguments, inputUrl, line =>
        {
            if (ParseOutTime(line) is { } seconds)
                encodedSeconds = seconds;
            else if (line.StartsWith("frame=", StringComparison.Ordinal)
                     && long.TryParse(line.AsSpan("frame=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame))
                frames = frame;
        }, cancellationToken);
        return new Result(encodedSeconds, frames, output.StderrTail, output.CommandLine);
    }

    /// <summary>Writes the frame of <paramref name="input"/> at <paramref name="seconds"/> to <paramref name="jpeg"/>,
    /// through <paramref name="filter"/> (ffmpeg's -vf; null for none), at JPEG <paramref name="quality"/> (ffmpeg's
    /// -q:v, 2 best to 31).</summary>
    /// <exception cref="MediaToolException">ffmpeg failed.</exception>
    public async Task StillAsync(string input, double seconds, string? filter, int quality, string jpeg, CancellationToken cancellationToken)
    {
        var url = MediaFile.Url(input);
        string[] arguments =
        [
            "-nostdin", "-v", "error", "-threads", "1", "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", url,
            "-frames:v", "1", .. filter is null ? Array.Empty<string>() : ["-vf", filter], "-q:v", quality.ToString(CultureInfo.InvariantCulture),
            "-update", "1", "-y", MediaFile.Url(jpeg),
        ];
        await ToolProcess.RunAsync(executablePath, arguments, url, null, cancellationToken);
    }

    /// <summary>A synthetic H.264 clip (lavfi's testsrc2, which moves like real footage), to time an encode on this machine.</summary>
    /// <exception cref="MediaToolException">ffmpeg failed.</exception>
    public async Task SyntheticAsync(string output, int width, int height, double seconds, CancellationToken cancellationToken)
    {
        var source = string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=30:duration={seconds}");
        string[] arguments = ["-nostdin", "-v", "error", "-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", MediaFile.Url(output)];
        await ToolProcess.RunAsync(executablePath, arguments, source, null, cancellationToken);
    }

    /// <summary>Reads "out_time_us=…" from ffmpeg's -progress output, in seconds.</summary>
    internal static double? ParseOutTime(string progressLine)
    {
        const string key = "out_time_us=";
        return progressLine.StartsWith(key, StringComparison.Ordinal)
               && long.TryParse(progressLine.AsSpan(key.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var us)
               && us >= 0
            ? us / 1_000_000.0
            : null;
    }
}
