using System.Text.Json.Serialization;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// <c>lists/manifest.json</c>: what made the copy whose rows <c>manifest.csv.gz</c> holds: the tool's and ffmpeg's
/// versions, the release and mirror, every encode setting, each archive downloaded (URL, bytes, SHA-256, ETag), the date.
/// </summary>
public sealed record ManifestInfo(
    string Tool, [property: JsonPropertyName("ffmpeg")] string? FFmpeg, string? Release, string? Mirror, IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<DownloadRecord> Downloads, DateTime Written);
