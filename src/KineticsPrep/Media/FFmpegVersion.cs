using System.Globalization;
using System.Text.RegularExpressions;

namespace KineticsPrep.Media;

/// <summary>
/// The version of an ffmpeg build, read from <c>ffmpeg -version</c>. Release builds say it on the first line
/// ("ffmpeg version 4.4.2-0ubuntu0.22.04.1", "ffmpeg version n6.1"); snapshot builds ("N-113870-g…", "git-2024-…")
/// do not, so their libavformat version is mapped to the release it shipped with.
/// </summary>
public sealed partial record FFmpegVersion(int Major, int Minor)
{
    /// <summary>The oldest release whose command line kinetics-prep knows how to drive (Ubuntu 22.04 ships 4.4).</summary>
    public static readonly FFmpegVersion Minimum = new(4, 4);

    /// <summary>Used when a version cannot be read: assume a current build rather than refuse a working one.</summary>
    public static readonly FFmpegVersion Current = new(7, 1);

    /// <summary><c>-fps_mode</c> came in 5.1; older builds spell the same setting <c>-vsync</c>.</summary>
    public bool HasFpsMode => this >= new FFmpegVersion(5, 1);

    public bool IsSupported => this >= Minimum;

    public static bool operator >=(FFmpegVersion a, FFmpegVersion b) => a.Major > b.Major || (a.Major == b.Major && a.Minor >= b.Minor);

    public static bool operator <=(FFmpegVersion a, FFmpegVersion b) => b >= a;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>The version in <c>ffmpeg -version</c>'s output, or null when neither the release nor libavformat is there.</summary>
    public static FFmpegVersion? Parse(string versionOutput)
    {
        var release = ReleaseLine().Match(versionOutput);
        if (release.Success)
            return new FFmpegVersion(Number(release.Groups[1]), Number(release.Groups[2]));
        var libavformat = LibavformatLine().Match(versionOutput);
        return libavformat.Success ? FromLibavformat(Number(libavformat.Groups[1]), Number(libavformat.Groups[2])) : null;
    }

    // libavformat's major version moves with each ffmpeg major release: 58 = 4.x (4.4 is 58.76), 59 = 5.x (5.1 is 59.27),
    // 60 = 6.x, 61 = 7.x, 62 = 8.x.
    private static FFmpegVersion FromLibavformat(int major, int minor) => major switch
    {
        < 58 => new FFmpegVersion(3, 0),
        58 => new FFmpegVersion(4, minor >= 76 ? 4 : 0),
        59 => new FFmpegVersion(5, minor >= 27 ? 1 : 0),
        _ => new FFmpegVersion(major - 54, 0),
    };

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^ffmpeg version n?(\d+)\.(\d+)", RegexOptions.Multiline)]
    private static partial Regex ReleaseLine();

    [GeneratedRegex(@"^\s*libavformat\s+(\d+)\.\s*(\d+)\.", RegexOptions.Multiline)]
    private static partial Regex LibavformatLine();
}
