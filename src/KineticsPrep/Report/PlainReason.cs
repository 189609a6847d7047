using System.Text.RegularExpressions;

namespace KineticsPrep.Report;

/// <summary>
/// A failure's reason as a person reads it: its first line, without .NET exception type names or stack frames, and
/// with ffmpeg's terse messages for the common faults of a clip said in words first.
/// </summary>
public static partial class PlainReason
{
    private static readonly (string Says, string Means)[] Known =
    [
        ("moov atom not found", "the mp4 is cut short (it has no index)"),
        ("Invalid data found when processing input", "not a video ffmpeg can read"),
        ("empty file", "the file is empty"),
        ("No such file or directory", "the file is not there"),
        ("Could not find a part of the path", "the file or its folder is not there"),
        ("Permission denied", "no permission to read or write it"),
        ("No space left on device", "the disk was full"),
        ("received signal", "ffmpeg was killed (the OOM killer, or a signal); run again to retry"),
    ];

    public static string Of(string reason)
    {
        var line = reason.ReplaceLineEndings("\n").Split('\n')[0];
        line = ExceptionType().Replace(line, "").Trim();
        if (line.Length == 0)
            line = "failed, without a reason given";
        return Known.FirstOrDefault(k => line.Contains(k.Says, StringComparison.OrdinalIgnoreCase)) is { Means: { } means } && !line.StartsWith(means, StringComparison.Ordinal)
            ? $"{means} ({line})"
            : line;
    }

    /// <summary>"System.IO.IOException: ", and the " ---> " of an inner one.</summary>
    [GeneratedRegex(@"(\s*--->\s*)?\b(System|Microsoft|KineticsPrep)(\.\w+)*\.\w*Exception:\s*")]
    private static partial Regex ExceptionType();
}
