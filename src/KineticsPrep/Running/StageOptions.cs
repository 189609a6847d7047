namespace KineticsPrep.Running;

/// <summary>How <see cref="StageRunner"/> runs a stage's items.</summary>
/// <param name="Unit">What an item's units are, in the plural ("files", "clips").</param>
/// <param name="Workers">Items at once (at least one).</param>
/// <param name="AlreadyDone">Items an earlier run did, left out of the list, for the progress line.</param>
public sealed record StageOptions<TItem>(string Unit, int Workers, int AlreadyDone = 0)
{
    /// <summary>An item's amount (bytes), for rates and the time left; none by default.</summary>
    public Func<TItem, long>? Size { get; init; }

    /// <summary>How many units an item holds (a batch of clips); one by default.</summary>
    public Func<TItem, int>? Count { get; init; }

    /// <summary>An item's name, shown as the current one when it starts; none by default.</summary>
    public Func<TItem, string>? Name { get; init; }

    internal long SizeOf(TItem item) => Size?.Invoke(item) ?? 0;

    internal int CountOf(TItem item) => Count?.Invoke(item) ?? 1;
}
