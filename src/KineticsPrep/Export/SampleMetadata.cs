using System.Text.Json;

namespace KineticsPrep.Export;

/// <summary>A sample's <c>.json</c>: who the clip is, and what lists/index.csv knows of it (null fields are left out).</summary>
public sealed record SampleMetadata(
    string Label, int LabelId, string YoutubeId, int? TimeStart, int? TimeEnd, string Split, string Path,
    long? Frames, double? Fps, double? Duration, int? Width, int? Height, long Bytes, long? MaxKeyframeInterval)
{
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, ExportJson.Sample.SampleMetadata);
}
