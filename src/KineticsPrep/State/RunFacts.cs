namespace KineticsPrep.State;

/// <summary>
/// What a store records beside the output settings, for reports: the release and the versions of the tools that made
/// the clips (the latest run's; unlike the output settings, they may change).
/// </summary>
public static class RunFacts
{
    public const string Release = "release";
    public const string Tool = "kinetics-prep";
    public const string FFmpeg = "ffmpeg";

    /// <param name="release">Null for a standalone resize, which knows none.</param>
    public static IReadOnlyDictionary<string, string> Of(string? release, string ffmpegVersion)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [Tool] = ToolVersion.Current, [FFmpeg] = ffmpegVersion };
        if (release is not null)
            facts[Release] = release;
        return facts;
    }
}
