using System.Text.Json.Serialization;
using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>The JSON that the Dataset layer writes and reads (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(ManifestInfo))]
[JsonSerializable(typeof(ListsSummary))]
[JsonSerializable(typeof(List<JsonListItem>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DatasetJson : JsonSerializerContext
{
    /// <summary>Files people read: lists/summary.json, label maps.</summary>
    public static DatasetJson Indented { get; } = new(JsonContract.Options());

    /// <summary>The JSON list format: one line.</summary>
    public static DatasetJson OneLine { get; } = new(JsonContract.Options(indented: false));
}
