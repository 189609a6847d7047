using System.Text.Json.Serialization;

namespace KineticsPrep.Dataset;

/// <summary>
/// <c>lists/manifest.json</c>: what made the copy whose rows <c>manifest.csv.gz</c> holds: the tool's and ffmpeg's
/// versions, the release and mirror, every encode setting, each file downloaded (URL, bytes, SHA-256, ETag), the date,
/// and the toolchain in detail: ffmpeg's version line and build configuration, and the libavcodec, libavformat,
/// libswscale and libx264 versions (empty in manifests written before it was kept).
/// </summary>
public sealed record ManifestInfo(
    string Tool, [property: JsonPropertyName("ffmpeg")] string? FFmpeg, string? Release, string? Mirror, IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<ManifestInfo.Download> Downloads, DateTime Written)
{
    public IReadOnlyDictionary<string, string> Toolchain { get; init; } = new Dictionary<string, string>();

    public const string CsvFileName = "manifest.csv.gz";
    public const string JsonFileName = "manifest.json";

    public sealed record Download(string Path, string Url, long Bytes, string Sha256, [property: JsonPropertyName("etag")] string? ETag);
}
