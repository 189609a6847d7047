using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.Running;

namespace KineticsPrep.Verify;

/// <summary>
/// verify --against: every clip a manifest records is on disk with the recorded size and SHA-256, which finds bit rot
/// on a long-lived copy and files changed by hand (one read of each clip).
/// </summary>
public static class ManifestCheck
{
    /// <summary>A clip that is not as recorded: its path and what is wrong.</summary>
    public sealed record Mismatch(string Path, string Problem);

    /// <param name="root">Where relative output paths are found (the root the manifest belongs to).</param>
    public static async Task<(int Checked, IReadOnlyList<Mismatch> Mismatches)> RunAsync(
        ManifestFile manifest, string root, int workers, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var clips = manifest.Rows.Values.Where(r => r.OutputPath is not null && r.OutputSha256 is not null).ToList();
        var outcomes = await StageRunner.RunAsync(clips, new StageOptions<ManifestRow>("clips", workers) { Name = r => Path.GetFileName(r.OutputPath!) },
            (row, _, token) => CheckAsync(row, root, token), m => m is null ? (1, 0) : (0, 1), progress, cancellationToken);
        return (clips.Count, outcomes.OfType<Mismatch>().OrderBy(m => m.Path, StringComparer.Ordinal).ToList());
    }

    private static async Task<Mismatch?> CheckAsync(ManifestRow row, string root, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(row.OutputPath!) ? row.OutputPath! : Path.Combine(root, row.OutputPath!);
        var file = new FileInfo(path);
        if (!file.Exists)
            return new Mismatch(path, "missing");
        if (row.OutputBytes is { } bytes && file.Length != bytes)
            return new Mismatch(path, $"{file.Length} bytes, the manifest says {bytes}");
        await using var stream = file.OpenRead();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return sha256 == row.OutputSha256 ? null : new Mismatch(path, $"SHA-256 {sha256}, the manifest says {row.OutputSha256}");
    }
}
