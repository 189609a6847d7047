using System.Globalization;
using KineticsPrep.State;

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
    public string StateName => IsWhole ? StateStore.DefaultName : $"shard-{Index}-of-{Count}";

    /// <summary>The shard whose state store has this name; null for the unsharded one.</summary>
    public static Shard? FromStateName(string name)
    {
        var parts = name.Split('-');
        return parts is ["shard", var index, "of", var count] && Number(index) is { } i && Number(count) is { } n ? new Shard(i, n) : null;
    }

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
    /// The shard a cluster scheduler gives this process: a Slurm job array task or a Kubernetes Indexed Job
    /// (JOB_COMPLETION_INDEX). With <paramref name="count"/> (--shard-count), the index is the task id as it is, so a
    /// single task resubmitted with <c>sbatch --array=7</c> keeps its slice. Without it, a Slurm array gives both:
    /// the index is SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, the count SLURM_ARRAY_TASK_COUNT (or MAX − MIN + 1).
    /// Null when there is no scheduler.
    /// </summary>
    public static Shard? FromEnvironment(Func<string, string?> environment, int? count)
    {
        var index = Number(environment("SLURM_ARRAY_TASK_ID")) ?? Number(environment("JOB_COMPLETION_INDEX"));
        if (index is not { } id)
            return null;
        if (count is { } n)
            return id < n ? new Shard(id, n) : throw new FormatException($"task index {id} is not below --shard-count {n}");
        if (Number(environment("SLURM_ARRAY_TASK_ID")) is null)
            throw new FormatException("JOB_COMPLETION_INDEX is set: give the number of indexed jobs with --shard-count");
        var min = Number(environment("SLURM_ARRAY_TASK_MIN")) ?? 0;
        var total = Number(environment("SLURM_ARRAY_TASK_COUNT"))
            ?? (Number(environment("SLURM_ARRAY_TASK_MAX")) is { } max ? max - min + 1 : null);
        if (total is { } t && id - min < t)
            return new Shard(id - min, t);
        throw new FormatException("SLURM_ARRAY_TASK_ID is set, but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX give the array's size");
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
