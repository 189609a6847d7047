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
    public Task StillAsync(string input, double seconds, string? filter, int quality, string jpeg, CancellationToken cancellationToken) =>
        StillsAsync([(input, seconds, jpeg)], filter, quality, cancellationToken);

    /// <summary>One still per input, as <see cref="StillAsync"/>, all from one ffmpeg: starting it costs more than
    /// seeking into a short clip and decoding one frame.</summary>
    /// <exception cref="MediaToolException">ffmpeg failed on one of the inputs (the others' stills may be missing too).</exception>
    public async Task StillsAsync(IReadOnlyList<(string Input, double Seconds, string Jpeg)> stills, string? filter, int quality, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-nostdin", "-v", "error", "-threads", "1", "-y"];
        foreach (var (input, seconds, _) in stills)
            arguments.AddRange(["-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", MediaFile.Url(input)]);
        for (var i = 0; i < stills.Count; i++)
        {
            arguments.AddRange(["-map", $"{i}:v:0", "-frames:v", "1", .. filter is null ? Array.Empty<string>() : ["-vf", filter],
                "-q:v", quality.ToString(CultureInfo.InvariantCulture), "-update", "1", MediaFile.Url(stills[i].Jpeg)]);
        }
        await ToolProcess.RunAsync(executablePath, arguments, stills.Count == 1 ? MediaFile.Url(stills[0].Input) : "", null, cancellationToken);
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
