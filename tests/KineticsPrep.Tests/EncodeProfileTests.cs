using System.Globalization;
using CliWrap.Buffered;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

/// <summary>The encode profiles, checked with ffprobe on real encodes.</summary>
public sealed class EncodeProfileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A 6-second 640×360 clip at 25 fps with every fifth frame dropped (timestamps kept: a variable frame rate) and a hard
    /// scene change each second, so x264 left to itself spaces keyframes widely and irregularly.
    /// </summary>
    private string Source()
    {
        var path = _temp.Combine("src", "vfr_000000_000006.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Media.Run(Media.Tools.FFmpegPath, [
                "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=6",
                "-vf", "hue=H=2*PI*floor(t),select='not(eq(mod(n\\,5)\\,4))'", "-fps_mode", "passthrough",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "file:" + path]);
        return path;
    }

    private Task<(IReadOnlyList<double> Pts, IReadOnlyList<int> Keyframes, int HasBFrames)> EncodeAsync(EncodeProfile profile) =>
        EncodeAsync(new ResizeOptions { Profile = profile, Workers = 1 });

    private async Task<(IReadOnlyList<double> Pts, IReadOnlyList<int> Keyframes, int HasBFrames)> EncodeAsync(ResizeOptions options)
    {
        var source = Source();
        var output = _temp.Combine($"{options.Profile.Name}-{options.Fps}", Path.GetFileName(source));
        var summary = await new ResizeRunner(Media.Tools, options)
            .RunAsync(Path.GetDirectoryName(source)!, Path.GetDirectoryName(output)!, null, CancellationToken.None);
        Assert.Empty(summary.Failures);

        var packets = await CliWrap.Cli.Wrap(Media.Tools.FFprobePath)
            .WithArguments(["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", "file:" + output])
            .ExecuteBufferedAsync();
        var rows = packets.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))
            .Select(f => (Pts: double.Parse(f[0], CultureInfo.InvariantCulture), Key: f[1].StartsWith('K'))).OrderBy(r => r.Pts).ToList();
        var stream = await CliWrap.Cli.Wrap(Media.Tools.FFprobePath)
            .WithArguments(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=has_b_frames", "-of", "csv=p=0", "file:" + output])
            .ExecuteBufferedAsync();
        return (rows.Select(r => r.Pts).ToList(), rows.Select((r, i) => (r.Key, i)).Where(r => r.Key).Select(r => r.i).ToList(),
            int.Parse(stream.StandardOutput.Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>The most frames from one keyframe to the next (or to the end); the first frame must be a keyframe.</summary>
    private static int LargestKeyframeInterval(IReadOnlyList<int> keyframes, int frames)
    {
        Assert.Equal(0, keyframes[0]);
        var bounds = keyframes.Append(frames).ToList();
        return bounds.Zip(bounds.Skip(1), (a, b) => b - a).Max();
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Seekable_gives_a_keyframe_at_least_every_16_frames_where_the_default_does_not()
    {
        var seekable = await EncodeAsync(EncodeProfile.Seekable);
        var plain = await EncodeAsync(EncodeProfile.Default);

        Assert.InRange(LargestKeyframeInterval(seekable.Keyframes, seekable.Pts.Count), 1, 16);
        Assert.True(LargestKeyframeInterval(plain.Keyframes, plain.Pts.Count) > 16, "the default profile already spaced keyframes closely");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Dali_gives_a_constant_frame_rate_and_no_b_frames_where_the_default_does_not()
    {
        var dali = await EncodeAsync(EncodeProfile.Dali);
        var plain = await EncodeAsync(EncodeProfile.Default);

        Assert.Single(Steps(dali.Pts));
        Assert.Equal(0, dali.HasBFrames);
        Assert.InRange(LargestKeyframeInterval(dali.Keyframes, dali.Pts.Count), 1, 16);
        Assert.True(Steps(plain.Pts).Count > 1, "the source was not variable-rate");
        Assert.NotEqual(0, plain.HasBFrames);
    }

    private static IReadOnlyList<double> Steps(IReadOnlyList<double> pts) => pts.Zip(pts.Skip(1), (a, b) => Math.Round(b - a, 3)).Distinct().ToList();

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("default")]
    [InlineData("seekable")]
    [InlineData("dali")]
    public async Task Fps_30_gives_a_constant_30_fps_stream_of_the_source_s_duration_with_every_profile(string profile)
    {
        var at30 = await EncodeAsync(new ResizeOptions { Profile = EncodeProfile.Find(profile)!, Fps = 30, Workers = 1 });
        var source = double.Parse(Media.Run(Media.Tools.FFprobePath, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", "file:" + Source()]),
            CultureInfo.InvariantCulture);

        Assert.Equal([Math.Round(1 / 30.0, 3)], Steps(at30.Pts));
        // The same duration within one frame (and a rounding of the timestamps).
        const double frame = 1 / 30.0 + 0.001;
        Assert.InRange(at30.Pts[^1] - at30.Pts[0] + 1 / 30.0, source - frame, source + frame);
    }
}
