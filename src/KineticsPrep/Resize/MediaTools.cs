namespace KineticsPrep.Resize;

/// <summary>Where the ffmpeg and ffprobe executables are.</summary>
public sealed record MediaTools(string FFmpegPath, string FFprobePath)
{
    /// <summary>Finds ffmpeg and ffprobe on PATH.</summary>
    /// <exception cref="MediaToolsMissingException">Either is missing.</exception>
    public static MediaTools Locate()
    {
        var (ffmpeg, ffprobe) = (FindOnPath("ffmpeg"), FindOnPath("ffprobe"));
        if (ffmpeg is null || ffprobe is null)
            throw new MediaToolsMissingException(
                $"{string.Join(" and ", new[] { ffmpeg is null ? "ffmpeg" : null, ffprobe is null ? "ffprobe" : null }.OfType<string>())} " +
                "not found on PATH. Install Debian's 'ffmpeg' package (apt-get install -y ffmpeg), or run ./kinetics-prep, " +
                "which installs it when run as root.");
        return new MediaTools(ffmpeg, ffprobe);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}

public sealed class MediaToolsMissingException(string message) : Exception(message);
