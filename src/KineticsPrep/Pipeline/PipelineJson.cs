using System.Text.Json.Serialization;
using KineticsPrep.IO;

namespace KineticsPrep.Pipeline;

/// <summary>The JSON that prepare writes (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(K710RecipeSummary))]
internal sealed partial class PipelineJson : JsonSerializerContext
{
    public static PipelineJson Indented { get; } = new(JsonContract.Options());
}
