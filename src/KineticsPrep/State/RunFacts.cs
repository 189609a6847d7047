using KineticsPrep.Dataset;

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
    public const string Mirror = "mirror";

    /// <summary>The version of the lists (Dataset's ListsVersion) export rawframes last made the frames from.</summary>
    public const string RawframesMadeFrom = "rawframes made-from";

    /// <summary>The settings that hold the toolchain (<c>toolchain.libx264</c>, …), for manifest.json.</summary>
    public const string ToolchainPrefix = "toolchain.";

    /// <summary>The release a root's stores recorded ("k400", "k710"); null when none did. Read from stores of any
    /// schema: every one has the settings, and a command that writes the root upgrades them once it holds the lock.</summary>
    public static string? ReleaseOf(DatasetRoot root) => Recorded(StateStore.AllUnder(root, upgrade: true), Release);

    /// <summary>The value the first of <paramref name="stores"/> to record the setting <paramref name="name"/> has; null when none did.</summary>
    public static string? Recorded(IEnumerable<StateStore> stores, string name) =>
        stores.Select(s => s.Settings().GetValueOrDefault(name)).FirstOrDefault(v => v is not null);

    /// <param name="release">Null for a standalone resize, which knows none.</param>
    /// <param name="mirror">Where the archives came from (a prepare run's --mirror, or the CVDF's); null for a resize.</param>
    /// <param name="toolchain">The ffmpeg build in detail (Media's Toolchain, described).</param>
    public static IReadOnlyDictionary<string, string> Of(string? release, string ffmpegVersion, IReadOnlyDictionary<string, string> toolchain, string? mirror = null)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [Tool] = ToolVersion.Current, [FFmpeg] = ffmpegVersion };
        foreach (var (name, value) in toolchain)
            facts[ToolchainPrefix + name] = value;
        if (release is not null)
            facts[Release] = release;
        if (mirror is not null)
            facts[Mirror] = mirror;
        return facts;
    }
}
