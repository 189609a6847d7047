using System.Text.Json.Serialization;

namespace KineticsPrep.Annotate;

/// <summary>The JSON that annotate writes (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(ManifestInfo))]
internal sealed partial class AnnotateJson : JsonSerializerContext
{
    public static AnnotateJson Indented { get; } = new(JsonContract.Options());
}
