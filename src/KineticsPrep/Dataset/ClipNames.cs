using System.Globalization;
using System.Text.RegularExpressions;

namespace KineticsPrep.Dataset;

/// <summary>CVDF names clips <c>&lt;youtube_id&gt;_&lt;start:06d&gt;_&lt;end:06d&gt;.&lt;ext&gt;</c>; other copies name them by the bare id.</summary>
public static partial class ClipNames
{
    public static string For(string youtubeId, int timeStart, int timeEnd) =>
        string.Create(CultureInfo.InvariantCulture, $"{youtubeId}_{timeStart:000000}_{timeEnd:000000}");

    /// <summary>The YouTube id and time range a clip's name (without extension) gives; no range for a bare id.</summary>
    public static (string YoutubeId, int? TimeStart, int? TimeEnd) Parse(string clipName) =>
        CvdfName().Match(clipName) is { Success: true } match
            ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : (clipName, null, null);

    [GeneratedRegex(@"^(.+)_(\d{6})_(\d{6})$")]
    private static partial Regex CvdfName();
}
