using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace KineticsPrep.Media;

/// <summary>
/// The ffmpeg build that makes the clips, as precisely as two copies need to be told apart: <c>ffmpeg -version</c>'s
/// first line and its build configuration, and the versions of the libraries whose code decides an output's bytes:
/// libavcodec, libavformat, libswscale, and libx264, which <c>-version</c> does not name (it is read from the header
/// x264 writes into a one-frame encode).
/// </summary>
/// <param name="Libraries">By name: "libavcodec" → "59. 37.100", "libx264" → "core 164 r3095 baee400".</param>
public sealed partial record Toolchain(string VersionLine, string Configuration, IReadOnlyDictionary<string, string> Libraries)
{
    /// <summary>The libraries recorded, in this order.</summary>
    public static readonly IReadOnlyList<string> Recorded = ["libavcodec", "libavformat", "libswscale", "libx264"];

    private static readonly ConcurrentDictionary<string, Task<Toolchain>> Read = new(StringComparer.Ordinal);

    /// <summary>The toolchain of <paramref name="tools"/>' ffmpeg, asked once per process (its version output as
    /// located, when kept).</summary>
    public static Task<Toolchain> OfAsync(MediaTools tools, CancellationToken cancellationToken) =>
        Read.GetOrAdd(tools.FFmpegPath, path => ReadAsync(path, tools.VersionOutput, CancellationToken.None)).WaitAsync(cancellationToken);

    private static async Task<Toolchain> ReadAsync(string ffmpeg, string? versionOutput, CancellationToken cancellationToken)
    {
        versionOutput ??= (await Cli.Wrap(ffmpeg).WithArguments(["-hide_banner", "-version"]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)).StandardOutput;
        var x264 = await Cli.Wrap(ffmpeg)
            .WithArguments(["-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=s=16x16:d=0.04", "-frames:v", "1", "-c:v", "libx264", "-f", "h264", "-"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.Latin1, cancellationToken);
        return Parse(versionOutput, X264Core().Match(x264.StandardOutput) is { Success: true } core ? core.Groups[1].Value.Trim() : null);
    }

    /// <param name="versionOutput"><c>ffmpeg -version</c>'s output.</param>
    /// <param name="x264">x264's "core N rNNNN hash", when it could be read.</param>
    public static Toolchain Parse(string versionOutput, string? x264)
    {
        var lines = versionOutput.ReplaceLineEndings("\n").Split('\n');
        var libraries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (LibraryLine().Match(line) is { Success: true } library && Recorded.Contains(library.Groups[1].Value))
                libraries[library.Groups[1].Value] = library.Groups[2].Value.Trim();
        }
        if (x264 is not null)
            libraries["libx264"] = x264;
        var configuration = lines.FirstOrDefault(l => l.StartsWith("configuration:", StringComparison.Ordinal))?["configuration:".Length..].Trim() ?? "";
        return new Toolchain(lines.FirstOrDefault()?.Trim() ?? "", configuration, libraries);
    }

    /// <summary>What differs between two toolchains: "libx264 core 164 … vs core 157 …"; empty when they are the same.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(key => a.GetValueOrDefault(key) != b.GetValueOrDefault(key))
            .Select(key => $"{key} {a.GetValueOrDefault(key) ?? "(unknown)"} vs {b.GetValueOrDefault(key) ?? "(unknown)"}")
            .ToList();

    /// <summary>The toolchain as the store's settings and manifest.json keep it: "ffmpeg", "configuration", then each library.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var described = new Dictionary<string, string>(StringComparer.Ordinal) { ["ffmpeg"] = VersionLine, ["configuration"] = Configuration };
        foreach (var (name, version) in Libraries)
            described[name] = version;
        return described;
    }

    [GeneratedRegex(@"^(lib\w+)\s+([\d. ]+?)\s*/")]
    private static partial Regex LibraryLine();

    [GeneratedRegex(@"x264 - (core [^-]+)-")]
    private static partial Regex X264Core();
}
