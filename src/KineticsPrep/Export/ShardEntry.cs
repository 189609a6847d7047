using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KineticsPrep.Export;

/// <summary>One shard as the manifest lists it.</summary>
public sealed record ShardEntry(string Name, int Samples, long Bytes);
