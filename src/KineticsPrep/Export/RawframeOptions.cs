using System.Globalization;

namespace KineticsPrep.Export;

/// <summary>What <see cref="RawframeExporter"/> writes: each listed clip of a root as a folder of JPEG frames.</summary>
public sealed record RawframeOptions(string Root)
{
    /// <summary>The splits to export; null for every split that has a list.</summary>
    public IReadOnlyList<string>? Splits { get; init; }

    /// <summary>Frames per second, dropped or repeated by timestamp (ffmpeg's fps filter); null keeps every frame.</summary>
    public double? Fps { get; init; }

    /// <summary>ffmpeg's JPEG quality scale, 2 (best) to 31. 2 is about OpenCV's default of 95, which mmaction2's own
    /// frame extraction writes.</summary>
    public int Quality { get; init; } = DefaultQuality;

    public const int DefaultQuality = 2;

    /// <summary>Frames scaled so that their short side is this; null keeps the videos' size.</summary>
    public int? ShortSide { get; init; }

    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Start even when the disk estimate says the frames will not fit.</summary>
    public bool Force { get; init; }

    /// <summary>Make every clip's frames again: the way to change the settings of a root's frames.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The settings that decide what the frames are, as the root's state store keeps them.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rawframes --fps"] = Fps?.ToString(CultureInfo.InvariantCulture) ?? State.SettingChange.Off,
        ["rawframes --quality"] = Quality.ToString(CultureInfo.InvariantCulture),
        ["rawframes --short-side"] = ShortSide?.ToString(CultureInfo.InvariantCulture) ?? State.SettingChange.Off,
    };
}
