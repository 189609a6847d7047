namespace KineticsPrep.State;

/// <summary>What resize recorded of each clip it made.</summary>
public sealed partial class StateStore
{
    /// <summary>
    /// What a resize did to one clip: its short side and duration before, its short side after, and the file made. An
    /// earlier failure of the clip (recorded under its path) is forgotten.
    /// </summary>
    public void RecordResized(ResizedClip clip) => RecordResized([clip]);

    /// <summary>Several clips made, as <see cref="RecordResized(ResizedClip)"/>, in one transaction.</summary>
    public void RecordResized(IReadOnlyList<ResizedClip> clips)
    {
        Write(connection =>
        {
            foreach (var clip in clips)
                Record(connection, clip);
        });
    }

    private static void Record(StoreWrite connection, ResizedClip clip)
    {
        Execute(connection, """
            INSERT OR REPLACE INTO resized (path, split, source_short, source_duration, short, bytes, modified_ticks, sha256)
            VALUES ($path, $split, $ss, $sd, $short, $bytes, $modified, $sha)
            """,
            ("$path", clip.Path), ("$split", clip.Split), ("$ss", clip.SourceShortSide), ("$sd", (object?)clip.SourceDuration ?? DBNull.Value),
            ("$short", clip.ShortSide), ("$bytes", (object?)clip.Bytes ?? DBNull.Value), ("$modified", (object?)clip.ModifiedTicks ?? DBNull.Value),
            ("$sha", (object?)clip.Sha256 ?? DBNull.Value));
        Execute(connection, "DELETE FROM failures WHERE item = $path AND stage = 'resize'", ("$path", clip.Path));
    }

    /// <summary>Forgets the clips made under a folder (root-relative, ending in '/'): a re-encode dropped.</summary>
    public void ForgetResizedUnder(string prefix) =>
        Write(connection => Execute(connection, "DELETE FROM resized WHERE substr(path, 1, length($prefix)) = $prefix", ("$prefix", prefix)));

    /// <summary>
    /// The clips made under <paramref name="staged"/> become the root's, under <paramref name="final"/> (both
    /// root-relative, ending in '/'); every other clip is forgotten, and the settings waiting under
    /// <paramref name="pendingPrefix"/> become the root's: one transaction, so a kill leaves the old root or the new.
    /// </summary>
    public void AdoptStaged(string staged, string final, IReadOnlyDictionary<string, string> settings, string pendingPrefix) =>
        Write(connection =>
        {
            Execute(connection, "DELETE FROM resized WHERE substr(path, 1, length($staged)) <> $staged", ("$staged", staged));
            Execute(connection, "UPDATE resized SET path = $final || substr(path, length($staged) + 1)", ("$final", final), ("$staged", staged));
            foreach (var (name, value) in settings)
                Execute(connection, "INSERT OR REPLACE INTO settings (name, value) VALUES ($name, $value)", ("$name", name), ("$value", value));
            Execute(connection, "DELETE FROM settings WHERE substr(name, 1, length($prefix)) = $prefix", ("$prefix", pendingPrefix));
        });

    /// <summary>How many times the resized clips changed (a clip recorded, updated or forgotten), as the store counts them.</summary>
    public long ResizedChanges() => Query("SELECT n FROM resized_changes", r => r.GetInt64(0)).Single();

    /// <summary>Each resized clip's short side and duration before and short side after, read as consumed.</summary>
    public IEnumerable<(int SourceShortSide, double? SourceDuration, int ShortSide)> ResizedShapes() =>
        Stream("SELECT source_short, source_duration, short FROM resized", r => (r.GetInt32(0), r.IsDBNull(1) ? (double?)null : r.GetDouble(1), r.GetInt32(2)));

    /// <summary>Each resized clip's path and SHA-256 (null where none was recorded), read as consumed.</summary>
    public IEnumerable<(string Path, string? Sha256)> ResizedHashes() =>
        Stream("SELECT path, sha256 FROM resized ORDER BY path", r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));

    /// <summary>Each resized clip's path, size and modification time, read as consumed: in path order, or (faster, a
    /// scan of the table rather than of its index) in the store's.</summary>
    public IEnumerable<(string Path, long? Bytes, long? ModifiedTicks)> ResizedSizes(bool inPathOrder = true) =>
        Stream("SELECT path, bytes, modified_ticks FROM resized" + (inPathOrder ? " ORDER BY path" : ""),
            r => (r.GetString(0), r.IsDBNull(1) ? (long?)null : r.GetInt64(1), r.IsDBNull(2) ? (long?)null : r.GetInt64(2)));
}
