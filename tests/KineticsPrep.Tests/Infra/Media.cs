using System.Globalization;
using System.Text.Json;
using KineticsPrep.Media;

namespace KineticsPrep.Tests;

/// <summary>Makes test clips with ffmpeg's lavfi sources and reads back what a clip holds.</summary>
public static class Media
{
    private static readonly Lazy<MediaTools> LocatedTools = new(Locate);

    /// <summary>ffmpeg and ffprobe, looked up on first use, so tests that need neither run without them.</summary>
    public static MediaTools Tools => LocatedTools.Value;

    /// <summary>The ffmpeg and ffprobe on PATH, and the ffmpeg's version, found as the tool finds them.</summary>
    private static MediaTools Locate()
    {
        string OnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} is not on PATH: ./test.sh installs it");
        var ffmpeg = OnPath("ffmpeg");
        var output = Run(ffmpeg, ["-hide_banner", "-version"]);
        return new MediaTools(ffmpeg, OnPath("ffprobe")) { Version = FFmpegVersion.Parse(output) ?? FFmpegVersion.Current, VersionOutput = output };
    }

    /// <summary>Real clips from public repositories (tests/fixtures, copied next to the test assembly).</summary>
    public static string FixtureVideos { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "videos");

    public sealed record Facts(int Width, int Height, int Frames, string VideoCodec, string? AudioCodec, int Rotation);

    /// <summary>An H.264 clip of the given size; <paramref name="extra"/> goes before the output (e.g. audio, metadata).</summary>
    public static string MakeClip(string path, int width, int height, double seconds = 1, int fps = 10, params string[] extra)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var source = string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate={fps}:duration={seconds}");
        string[] arguments = ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, .. extra, "-pix_fmt", "yuv420p", "file:" + path];
        Run(Tools.FFmpegPath, arguments);
        return path;
    }

    /// <summary>The same clip with a sine-wave audio track.</summary>
    public static string MakeClipWithAudio(string path, int width, int height, double seconds = 1) =>
        MakeClip(path, width, height, seconds, 10,
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency=440:duration={seconds}"),
            "-c:a", "aac", "-shortest");

    /// <summary>A clip whose container says "rotate by <paramref name="degrees"/> when displayed".</summary>
    public static string MakeRotatedClip(string path, int width, int height, int degrees)
    {
        var plain = MakeClip(path + ".plain.mp4", width, height);
        Run(Tools.FFmpegPath,
            ["-nostdin", "-v", "error", "-y", "-i", "file:" + plain, "-c", "copy",
             "-metadata:s:v:0", $"rotate={degrees}", "file:" + path]);
        File.Delete(plain);
        return path;
    }

    /// <summary>Keeps the first half of a file, as an interrupted download would.</summary>
    public static string Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    public static Facts Inspect(string path)
    {
        var json = Run(Tools.FFprobePath,
            ["-v", "error", "-count_frames", "-show_entries",
             "stream=codec_type,codec_name,width,height,nb_read_frames:stream_side_data=rotation", "-of", "json", "file:" + path]);
        var streams = JsonDocument.Parse(json).RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        var rotation = video.TryGetProperty("side_data_list", out var sideData)
            ? sideData.EnumerateArray().Select(d => d.TryGetProperty("rotation", out var r) ? r.GetInt32() : 0).FirstOrDefault()
            : 0;
        return new Facts(
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture),
            video.GetProperty("codec_name").GetString()!,
            audio.ValueKind == JsonValueKind.Undefined ? null : audio.GetProperty("codec_name").GetString(),
            rotation);
    }

    public static string Run(string executable, IReadOnlyList<string> arguments)
    {
        var (exitCode, output, error) = SystemCommand.Capture(executable, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"{executable} failed: {error}");
        return output;
    }
}
