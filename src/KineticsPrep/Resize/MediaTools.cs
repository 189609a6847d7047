namespace KineticsPrep.Resize;

/// <summary>Where the ffmpeg and ffprobe executables are.</summary>
public sealed record MediaTools(string FFmpegPath, string FFprobePath)
{
    /// <summary>Finds ffmpeg and ffprobe on PATH.</summary>
    /// <exception cref="MediaToolsMissingException">Either is missing.</exception>
    public static MediaTools Locate()
    {
        var missing = new[] { "ffmpeg", "ffprobe" }.Where(name => FindOnPath(name) is null).ToList();
        if (missing.Count > 0)
            throw new MediaToolsMissingException(
                $"{string.Join(" and ", missing)} not found on PATH. Install Debian's 'ffmpeg' package " +
                "(apt-get install -y ffmpeg), or run ./kinetics-prep, which installs it when run as root.");
        return new MediaTools(FindOnPath("ffmpeg")!, FindOnPath("ffprobe")!);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}

public sealed class MediaToolsMissingException(string message) : Exception(message);
