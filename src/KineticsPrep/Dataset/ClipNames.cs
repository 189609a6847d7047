using System.Globalization;

namespace KineticsPrep.Dataset;

/// <summary>CVDF names clips <c>&lt;youtube_id&gt;_&lt;start:06d&gt;_&lt;end:06d&gt;.&lt;ext&gt;</c>.</summary>
public static class ClipNames
{
    public static string For(string youtubeId, int timeStart, int timeEnd) =>
        string.Create(CultureInfo.InvariantCulture, $"{youtubeId}_{timeStart:000000}_{timeEnd:000000}");
}
