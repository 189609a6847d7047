using System.Text.Json.Serialization;
using KineticsPrep.IO;

namespace KineticsPrep.Export;

/// <summary>The JSON that export writes (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(ShardManifest))]
[JsonSerializable(typeof(SampleMetadata))]
internal sealed partial class ExportJson : JsonSerializerContext
{
    /// <summary>The shard manifests.</summary>
    public static ExportJson Indented { get; } = new(JsonContract.Options());

    /// <summary>A sample's metadata inside a shard: one line, fields without a value left out.</summary>
    public static ExportJson Sample { get; } = new(JsonContract.Options(indented: false, omitNulls: true));
}
