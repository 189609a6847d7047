using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KineticsPrep.Dataset;

/// <summary>
/// What a lists folder says, as one short digest: labels.txt, every split's list in the formats written, and the
/// version of the clips they were made from (summary.json's <see cref="ListsSummary.ClipSet"/>). An export records the
/// version it was made from, and is stale once the lists (their clips or their label ids) have changed.
/// </summary>
public static class ListsVersion
{
    /// <returns>16 hex digits; null when the folder holds no labels.txt.</returns>
    public static string? Of(string listsFolder)
    {
        var labels = Path.Combine(listsFolder, DatasetRoot.LabelsFileName);
        if (!File.Exists(labels))
            return null;
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(digest, labels);
        foreach (var (split, format) in ListReader.Written(listsFolder).OrderBy(w => w.Split, StringComparer.Ordinal).ThenBy(w => w.Format.Name, StringComparer.Ordinal))
            Append(digest, format.PathFor(listsFolder, split));
        digest.AppendData(Encoding.UTF8.GetBytes(ClipSetOf(listsFolder) ?? ""));
        return Convert.ToHexStringLower(digest.GetHashAndReset())[..16];
    }

    /// <summary>The version of the clips the lists were written from, as summary.json says; null when it does not.</summary>
    public static string? ClipSetOf(string listsFolder)
    {
        var summary = Path.Combine(listsFolder, DatasetRoot.ListsSummaryFileName);
        try
        {
            return File.Exists(summary) ? JsonSerializer.Deserialize(File.ReadAllText(summary), DatasetJson.Indented.ListsSummary)?.ClipSet : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Append(IncrementalHash digest, string file)
    {
        digest.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
        using var stream = File.OpenRead(file);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
            digest.AppendData(buffer.AsSpan(0, read));
    }
}
