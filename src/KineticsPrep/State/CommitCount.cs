namespace KineticsPrep.State;

/// <summary>
/// A store's commit count, kept beside it in NAME.db.commits as well as inside it: the second place that tells a store
/// that lost its last commits (a -wal file deleted after an unclean stop) from one that never made them.
/// </summary>
internal static class CommitCount
{
    private static string FileOf(string store) => store + ".commits";

    public static long? Read(string store)
    {
        try
        {
            return long.TryParse(File.ReadAllText(FileOf(store)).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Not flushed: losing it loses only the warning, never a record.</summary>
    public static void Write(string store, long count)
    {
        try
        {
            File.WriteAllText(FileOf(store), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only folder shows up in the store's own next write.
        }
    }
}
