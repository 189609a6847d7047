using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KineticsPrep.IO;

/// <summary>
/// The one JSON style of everything kinetics-prep writes and reads: snake_case names, and text (class names, paths)
/// written as it is rather than \u-escaped. Each layer lists the types it writes in a source-generated
/// <see cref="JsonSerializerContext"/>, so that no JSON is made by reflection and the trimmed executable keeps working.
/// A layer makes its context with these options once (<c>new LayerJson(JsonContract.Options())</c>) and serializes with
/// its typed members.
/// </summary>
public static class JsonContract
{
    /// <param name="indented">For files people read; off for one-line records inside other files.</param>
    /// <param name="omitNulls">Leave out fields that have no value (a sample's metadata).</param>
    public static JsonSerializerOptions Options(bool indented = true, bool omitNulls = false) =>
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            DefaultIgnoreCondition = omitNulls ? JsonIgnoreCondition.WhenWritingNull : JsonIgnoreCondition.Never,
        };
}
