using CliWrap;
using CliWrap.Buffered;

namespace KineticsPrep.Media;

/// <summary>Where the ffmpeg and ffprobe executables are, and which ffmpeg release they are.</summary>
public sealed record MediaTools(string FFmpegPath, string FFprobePath)
{
    public const string FFmpegVariable = "KINETICS_PREP_FFMPEG";
    public const string FFprobeVariable = "KINETICS_PREP_FFPROBE";

    public FFmpegVersion Version { get; init; } = FFmpegVersion.Current;

    /// <summary>What <c>ffmpeg -version</c> printed when the tools were located; null for tools named otherwise.</summary>
    public string? VersionOutput { get; init; }

    /// <summary>
    /// Finds ffmpeg and ffprobe: the paths in KINETICS_PREP_FFMPEG / KINETICS_PREP_FFPROBE when set, else on PATH
    /// (conda, environment modules and static builds all put them there), then checks the ffmpeg version once.
    /// </summary>
    /// <exception cref="MediaToolsMissingException">Either is missing, or the ffmpeg is older than 4.4.</exception>
    public static Task<MediaTools> LocateAsync(CancellationToken cancellationToken) => LocateAsync(Environment.GetEnvironmentVariable, cancellationToken);


    public static async Task<MediaTools> LocateAsync(Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var notOnPath = new List<string>();
        var ffmpeg = Find("ffmpeg", FFmpegVariable, environment, problems, notOnPath);
        var ffprobe = Find("ffprobe", FFprobeVariable, environment, problems, notOnPath);
        if (notOnPath.Count > 0)
            problems.Add($"{string.Join(" and ", notOnPath)} not found on PATH.");
        if (ffmpeg is null || ffprobe is null)
            throw new MediaToolsMissingException(string.Join(" ", problems) + HowToGetIt);
        var output = await ReadVersionAsync(ffmpeg, cancellationToken);
        var version = FFmpegVersion.Parse(output) ?? FFmpegVersion.Current;
        if (!version.IsSupported)
            throw new MediaToolsMissingException(
                $"{ffmpeg} is ffmpeg {version}; kinetics-prep needs ffmpeg {FFmpegVersion.Minimum} or later." + HowToGetIt);
        return new MediaTools(ffmpeg, ffprobe) { Version = version, VersionOutput = output };
    }

    private const string HowToGetIt =
        " Ways to get a current ffmpeg, no root needed for most:\n" +
        "  - conda: conda install -c conda-forge ffmpeg\n" +
        "  - a cluster module: module load ffmpeg (module avail ffmpeg lists them)\n" +
        "  - a static build: unpack it anywhere and put its folder on PATH\n" +
        "  - Debian/Ubuntu, as root: apt-get install -y ffmpeg (./kinetics-prep does this itself when run as root)\n" +
        $"  - or name the executables: {FFmpegVariable}=/path/to/ffmpeg {FFprobeVariable}=/path/to/ffprobe";

    private static string? Find(string name, string variable, Func<string, string?> environment, List<string> problems, List<string> notOnPath)
    {
        if (environment(variable) is { Length: > 0 } explicitPath)
        {
            if (File.Exists(explicitPath))
                return Path.GetFullPath(explicitPath);
            problems.Add($"{variable} is set to {explicitPath}, which does not exist.");
            return null;
        }
        var found = (environment("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (found is null)
            notOnPath.Add(name);
        return found;
    }

    /// <exception cref="MediaToolsMissingException">The file is there but cannot be run (not executable, not a program).</exception>
    private static async Task<string> ReadVersionAsync(string ffmpeg, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap(ffmpeg).WithArguments(["-hide_banner", "-version"]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            return result.StandardOutput;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MediaToolsMissingException($"{ffmpeg} cannot be run ({e.Message})." + HowToGetIt);
        }
    }
}
