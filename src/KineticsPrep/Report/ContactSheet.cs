using System.Text.Json.Serialization;

namespace KineticsPrep.Report;

/// <summary>A frame from the middle of one clip per class, as small JPEGs for a visual spot check.</summary>
/// <param name="LeftOut">Classes without a thumbnail: over the size cap, or no clip that gave a frame.</param>
/// <param name="Note">Why there is no sheet, when there is none.</param>
public sealed record ContactSheet(IReadOnlyList<Thumbnail> Thumbnails, int LeftOut, string? Note)
{
    public static ContactSheet None(string why) => new([], 0, why);
}

/// <param name="Jpeg">The image, embedded in report.html only (report.json names the clip).</param>
public sealed record Thumbnail(string Label, string Clip, [property: JsonIgnore] byte[] Jpeg);
