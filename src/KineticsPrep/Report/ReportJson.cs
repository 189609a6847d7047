using System.Text.Json.Serialization;
using KineticsPrep.IO;

namespace KineticsPrep.Report;

/// <summary>The JSON that the report writes (<see cref="JsonContract"/>).</summary>
[JsonSerializable(typeof(DatasetReport))]
internal sealed partial class ReportJson : JsonSerializerContext
{
    public static ReportJson Indented { get; } = new(JsonContract.Options());
}
