using System.Globalization;

namespace KineticsPrep.Verify;

/// <summary>
/// Why a clip failed verify, in a few words ("cut short: the mp4 has no index", "decode error in a 10.0 s clip"), from
/// ffmpeg's own text, which goes to the log in full.
/// </summary>
public static class VerifyReason
{
    private static readonly (string Says, string Means)[] Known =
    [
        ("empty file", "empty file (0 bytes)"),
        ("moov atom not found", "cut short: the mp4 has no index"),
        ("does not contain any stream", "no video stream"),
        ("no video stream", "no video stream"),
        ("Invalid data found when processing input", "not a video ffmpeg can read"),
        ("no frame could be decoded", "no frame decodes"),
        ("partial file", "cut short: the file ends before its data"),
        ("Invalid NAL unit", "decode error"),
        ("error while decoding", "decode error"),
        ("decode_slice_header", "decode error"),
        ("corrupt", "decode error"),
        ("Permission denied", "no permission to read it"),
        ("No such file", "not there"),
    ];

    /// <param name="duration">The clip's duration, when its header gave one: said with a decode error.</param>
    public static string Plain(string? raw, double? duration)
    {
        var text = raw ?? "";
        var means = Known.FirstOrDefault(k => text.Contains(k.Says, StringComparison.OrdinalIgnoreCase)).Means;
        if (means is null)
        {
            var first = text.ReplaceLineEndings("\n").Split('\n')[0].Trim();
            return first.Length == 0 ? "unreadable" : first.Length <= 60 ? first : first[..57] + "…";
        }
        return means == "decode error" && duration is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"decode error in a {seconds:0.0} s clip")
            : means;
    }
}
