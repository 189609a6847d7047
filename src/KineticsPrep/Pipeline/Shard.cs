using System.Globalization;

namespace KineticsPrep.Pipeline;

/// <summary>
/// A deterministic slice of the archives: shard <see cref="Index"/> of <see cref="Count"/> takes every archive whose
/// position in the sorted list is <see cref="Index"/> modulo <see cref="Count"/>.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(0, 1);

    public bool IsWhole => Count == 1;

    /// <summary>The state store of this shard: each shard keeps its own, so shards never write the same file.</summary>
    public string StateName => IsWhole ? "state" : $"shard-{Index}-of-{Count}";

    public IReadOnlyList<T> Select<T>(IEnumerable<T> sortedItems) => sortedItems.Where((_, i) => i % Count == Index).ToList();

    /// <summary>Parses "I/N" (0 ≤ I &lt; N).</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
            return new Shard(index, count);
        throw new FormatException($"'{text}' is not a shard: expected I/N with 0 <= I < N, e.g. 0/4");
    }

    /// <summary>
    /// The shard a cluster scheduler gives this process: a Slurm job array (SLURM_ARRAY_TASK_ID with
    /// SLURM_ARRAY_TASK_COUNT, or with SLURM_ARRAY_TASK_MIN/MAX) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with
    /// <paramref name="count"/> from an option). Null when there is none.
    /// </summary>
    public static Shard? FromEnvironment(Func<string, string?> environment, int? count)
    {
        if (Number(environment("SLURM_ARRAY_TASK_ID")) is { } task)
        {
            var min = Number(environment("SLURM_ARRAY_TASK_MIN")) ?? 0;
            var total = Number(environment("SLURM_ARRAY_TASK_COUNT"))
                ?? (Number(environment("SLURM_ARRAY_TASK_MAX")) is { } max ? max - min + 1 : null);
            if (total is { } n && task - min < n)
                return new Shard(task - min, n);
            throw new FormatException("SLURM_ARRAY_TASK_ID is set, but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX give the array's size");
        }
        if (Number(environment("JOB_COMPLETION_INDEX")) is { } index)
        {
            if (count is not { } n || index >= n)
                throw new FormatException("JOB_COMPLETION_INDEX is set: give the number of indexed jobs with --shard-count");
            return new Shard(index, n);
        }
        return null;
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
