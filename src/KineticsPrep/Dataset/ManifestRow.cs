namespace KineticsPrep.Dataset;

/// <summary>
/// One annotation row of a copy of Kinetics in <c>lists/manifest.csv.gz</c>: the row, what became of it (present,
/// replaced by CVDF's replacement clip, corrupt, missing, excluded), the original clip it came from (archive, bytes,
/// SHA-256 as it left the archive) and the clip made of it (path, bytes, SHA-256, frames, fps, size). Null where unknown.
/// </summary>
public sealed record ManifestRow(
    string YoutubeId, int TimeStart, int TimeEnd, string Split, string? Label, int LabelId, string Status,
    string? Archive, long? SourceBytes, string? SourceSha256,
    string? OutputPath, long? OutputBytes, string? OutputSha256, long? Frames, double? Fps, int? Width, int? Height)
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "youtube_id", "time_start", "time_end", "split", "label", "label_id", "status", "archive", "source_bytes", "source_sha256",
        "output_path", "output_bytes", "output_sha256", "frames", "fps", "width", "height",
    ];
}
