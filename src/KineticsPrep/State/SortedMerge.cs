namespace KineticsPrep.State;

/// <summary>Merges sequences that are each in key order (ordinal) into one, as they stream.</summary>
internal static class SortedMerge
{
    /// <summary>Every key once, in order: where several sequences hold a key, the first sequence's item.</summary>
    public static IEnumerable<T> Distinct<T>(IEnumerable<IEnumerable<T>> sequences, Func<T, string> key)
    {
        var heads = new List<IEnumerator<T>>();
        try
        {
            foreach (var sequence in sequences)
            {
                var head = sequence.GetEnumerator();
                if (head.MoveNext())
                    heads.Add(head);
                else
                    head.Dispose();
            }
            while (heads.Count > 0)
            {
                var first = 0;
                for (var i = 1; i < heads.Count; i++)
                {
                    if (string.CompareOrdinal(key(heads[i].Current), key(heads[first].Current)) < 0)
                        first = i;
                }
                var item = heads[first].Current;
                var itemKey = key(item);
                yield return item;
                // Past this key in every sequence (the first sequence's item was the one given).
                for (var i = heads.Count - 1; i >= 0; i--)
                {
                    while (key(heads[i].Current) == itemKey)
                    {
                        if (heads[i].MoveNext())
                            continue;
                        heads[i].Dispose();
                        heads.RemoveAt(i);
                        break;
                    }
                }
            }
        }
        finally
        {
            foreach (var head in heads)
                head.Dispose();
        }
    }
}
