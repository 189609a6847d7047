namespace KineticsPrep.State;

/// <summary>
/// What verify found in each clip, with the clip's size and modification time when it looked: a result holds for those
/// bytes only, so a clip made again since (or changed by hand) is not yet verified, never still corrupt.
/// </summary>
public sealed partial class StateStore
{
    /// <summary>The result of verifying one clip (replacing an earlier one); its path is relative to the root.</summary>
    public void RecordVerified(VerifiedClip clip)
    {
        var file = new FileInfo(System.IO.Path.Combine(Root.Path, clip.Path));
        Write(connection => Execute(connection, """
            INSERT OR REPLACE INTO verified (path, ok, reason, duration, width, height, fps, codec, checked_at, bytes, modified_ticks)
            VALUES ($path, $ok, $reason, $duration, $width, $height, $fps, $codec, $at, $bytes, $ticks)
            """,
            ("$bytes", file.Exists ? file.Length : DBNull.Value), ("$ticks", file.Exists ? file.LastWriteTimeUtc.Ticks : DBNull.Value),
            ("$path", clip.Path), ("$ok", clip.Ok ? 1 : 0), ("$reason", (object?)clip.Reason ?? DBNull.Value),
            ("$duration", (object?)clip.Duration ?? DBNull.Value), ("$width", (object?)clip.Width ?? DBNull.Value),
            ("$height", (object?)clip.Height ?? DBNull.Value), ("$fps", (object?)clip.Fps ?? DBNull.Value),
            ("$codec", (object?)clip.Codec ?? DBNull.Value), ("$at", Now)));
    }

    /// <summary>The results that still hold: for clips whose size and modification time are those verify saw (results
    /// recorded before these were kept hold as they are).</summary>
    public IReadOnlyList<VerifiedClip> VerifiedClips() =>
        Query("SELECT path, ok, reason, duration, width, height, fps, codec, bytes, modified_ticks FROM verified ORDER BY path",
                r => (Clip: new VerifiedClip(r.GetString(0), r.GetInt32(1) == 1, r.IsDBNull(2) ? null : r.GetString(2),
                        r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5),
                        r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetString(7)),
                    Bytes: r.IsDBNull(8) ? (long?)null : r.GetInt64(8), Ticks: r.IsDBNull(9) ? (long?)null : r.GetInt64(9)))
            .Where(v => v.Bytes is null || StillThe(v.Clip.Path, v.Bytes.Value, v.Ticks))
            .Select(v => v.Clip)
            .ToList();

    private bool StillThe(string path, long bytes, long? ticks)
    {
        var file = new FileInfo(System.IO.Path.Combine(Root.Path, path));
        return file.Exists && file.Length == bytes && file.LastWriteTimeUtc.Ticks == ticks;
    }
}
