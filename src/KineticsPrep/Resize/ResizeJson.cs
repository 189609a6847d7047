using System.Text.Json.Serialization;
using KineticsPrep.IO;

namespace KineticsPrep.Resize;

/// <summary>The JSON that resize writes and reads (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(List<FailureLog.Entry>))]
internal sealed partial class ResizeJson : JsonSerializerContext
{
    public static ResizeJson Indented { get; } = new(JsonContract.Options());
}
