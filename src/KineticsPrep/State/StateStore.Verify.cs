using KineticsPrep.IO;

namespace KineticsPrep.State;

/// <summary>
/// What verify found in each clip, with the clip's size, modification time and ctime when it looked: a result holds
/// for those bytes only, so a clip made again since (or changed by hand) is not yet verified, never still corrupt.
/// </summary>
public sealed partial class StateStore
{
    /// <summary>The results of verifying some clips (each replacing an earlier one), in one transaction; paths are
    /// relative to the root, and each stamp is the clip's as verify read it.</summary>
    /// <param name="full">Every frame was decoded.</param>
    public void RecordVerified(IReadOnlyList<(VerifiedClip Clip, FileStamp? Stamp)> results, bool full)
    {
        if (results.Count == 0)
            return;
        Write(connection =>
        {
            foreach (var (clip, stamp) in results)
                Execute(connection, """
                    INSERT OR REPLACE INTO verified (path, ok, reason, duration, width, height, fps, codec, checked_at, bytes, modified_ticks, changed_ticks, full)
                    VALUES ($path, $ok, $reason, $duration, $width, $height, $fps, $codec, $at, $bytes, $ticks, $changed, $full)
                    """,
                    ("$bytes", (object?)stamp?.Bytes ?? DBNull.Value), ("$ticks", (object?)stamp?.ModifiedTicks ?? DBNull.Value),
                    ("$changed", (object?)stamp?.ChangedTicks ?? DBNull.Value), ("$full", full ? 1 : 0),
                    ("$path", clip.Path), ("$ok", clip.Ok ? 1 : 0), ("$reason", (object?)clip.Reason ?? DBNull.Value),
                    ("$duration", (object?)clip.Duration ?? DBNull.Value), ("$width", (object?)clip.Width ?? DBNull.Value),
                    ("$height", (object?)clip.Height ?? DBNull.Value), ("$fps", (object?)clip.Fps ?? DBNull.Value),
                    ("$codec", (object?)clip.Codec ?? DBNull.Value), ("$at", Now));
        });
    }

    /// <summary>Every result recorded, with the stamp of the bytes it is about (null for results recorded before
    /// stamps were kept, which hold as they are) and whether it decoded every frame.</summary>
    public IReadOnlyList<(VerifiedClip Clip, FileStamp? Stamp, bool Full)> VerifiedRecords() =>
        Query("SELECT path, ok, reason, duration, width, height, fps, codec, bytes, modified_ticks, changed_ticks, full FROM verified ORDER BY path",
            r => (new VerifiedClip(r.GetString(0), r.GetInt32(1) == 1, r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5),
                    r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetString(7)),
                r.IsDBNull(8) ? (FileStamp?)null : new FileStamp(r.GetInt64(8), r.IsDBNull(9) ? 0 : r.GetInt64(9), r.IsDBNull(10) ? null : r.GetInt64(10)), r.GetInt32(11) == 1));

    /// <summary>The results that still hold: for clips whose stamp is the one verify saw.</summary>
    public IReadOnlyList<VerifiedClip> VerifiedClips() =>
        VerifiedRecords()
            .Where(v => v.Stamp is not { } stamp || FileStamp.Of(System.IO.Path.Combine(Root.Path, v.Clip.Path)) is { } now && now.Matches(stamp))
            .Select(v => v.Clip)
            .ToList();
}
