namespace KineticsPrep.Errors;

/// <summary>How far apart two names are, for messages that say which one was meant ("did you mean 'abseiling'?").</summary>
public static class EditDistance
{
    /// <summary>Levenshtein distance: the fewest one-character insertions, deletions and substitutions.</summary>
    public static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
