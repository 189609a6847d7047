namespace KineticsPrep.State;

/// <summary>What verify found in each clip.</summary>
public sealed partial class StateStore
{
    /// <summary>The result of verifying one clip (replacing an earlier one).</summary>
    public void RecordVerified(VerifiedClip clip)
    {
        Write(connection => Execute(connection, """
            INSERT OR REPLACE INTO verified (path, ok, reason, duration, width, height, fps, codec, checked_at)
            VALUES ($path, $ok, $reason, $duration, $width, $height, $fps, $codec, $at)
            """,
            ("$path", clip.Path), ("$ok", clip.Ok ? 1 : 0), ("$reason", (object?)clip.Reason ?? DBNull.Value),
            ("$duration", (object?)clip.Duration ?? DBNull.Value), ("$width", (object?)clip.Width ?? DBNull.Value),
            ("$height", (object?)clip.Height ?? DBNull.Value), ("$fps", (object?)clip.Fps ?? DBNull.Value),
            ("$codec", (object?)clip.Codec ?? DBNull.Value), ("$at", Now)));
    }

    public IReadOnlyList<VerifiedClip> VerifiedClips() =>
        Query("SELECT path, ok, reason, duration, width, height, fps, codec FROM verified ORDER BY path",
            r => new VerifiedClip(r.GetString(0), r.GetInt32(1) == 1, r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetString(7)));
}
