namespace KineticsPrep.State;

/// <summary>Failures of downloads and extractions, and the counts that status shows.</summary>
public sealed partial class StateStore
{
    /// <summary>Per stage and split: items planned, done, failed, bytes and the first/last completion time.</summary>
    public IReadOnlyList<StageCount> StageCounts() =>
        Query("""
            SELECT 'download', p.split, COUNT(*), COUNT(d.path), 0, COALESCE(SUM(d.bytes), 0), MIN(d.completed_at), MAX(d.completed_at)
              FROM planned p LEFT JOIN downloads d ON d.path = p.archive GROUP BY p.split
            UNION ALL
            SELECT 'extract', p.split, COUNT(*), COUNT(e.archive), 0, COALESCE(SUM(e.files), 0), MIN(e.completed_at), MAX(e.completed_at)
              FROM planned p LEFT JOIN extractions e ON e.archive = p.archive GROUP BY p.split
            UNION ALL
            SELECT 'resize', p.split, COUNT(*), COUNT(r.archive), COALESCE(SUM(r.failed), 0), COALESCE(SUM(r.clips), 0), MIN(r.completed_at), MAX(r.completed_at)
              FROM planned p LEFT JOIN processed r ON r.archive = p.archive GROUP BY p.split
            """,
            r => new StageCount(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt64(5),
                r.IsDBNull(6) ? null : DateTime.Parse(r.GetString(6), null, System.Globalization.DateTimeStyles.RoundtripKind),
                r.IsDBNull(7) ? null : DateTime.Parse(r.GetString(7), null, System.Globalization.DateTimeStyles.RoundtripKind)));

    /// <summary>
    /// A file or archive that could not be downloaded or extracted, with the reason; cleared when a later run succeeds.
    /// </summary>
    public void RecordFailure(string item, string stage, string reason)
    {
        Write(connection => Execute(connection,
            "INSERT OR REPLACE INTO failures (item, stage, reason, failed_at) VALUES ($item, $stage, $reason, $at)",
            ("$item", item), ("$stage", stage), ("$reason", reason), ("$at", Now)));
    }

    public IReadOnlyList<(string Item, string Stage, string Reason)> Failures() =>
        Query("SELECT item, stage, reason FROM failures ORDER BY stage, item", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>Files downloaded and their bytes, archives extracted and their clips: for runs without a prepare plan.</summary>
    public (long Files, long Bytes, long Archives, long Clips, long Resized) Totals() =>
        Query("""
            SELECT (SELECT COUNT(*) FROM downloads), (SELECT COALESCE(SUM(bytes), 0) FROM downloads),
                   (SELECT COUNT(*) FROM extractions), (SELECT COALESCE(SUM(files), 0) FROM extractions),
                   (SELECT COUNT(*) FROM resized)
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))).Single();
}
