namespace KineticsPrep.State;

/// <summary>What prepare recorded: each shard's plan, the archives processed, and the clips that failed.</summary>
public sealed partial class StateStore
{
    /// <summary>The archives a prepare run (or shard) set out to do, with their split and URL.</summary>
    public void RecordPlan(IEnumerable<(string Archive, string Split, string Url)> archives)
    {
        Write(connection =>
        {
            foreach (var (archive, split, url) in archives)
                Execute(connection, "INSERT OR REPLACE INTO planned (archive, split, url) VALUES ($archive, $split, $url)",
                    ("$archive", archive), ("$split", split), ("$url", url));
        });
    }

    /// <summary>The archives planned by any run on this store, with their split and URL.</summary>
    public IReadOnlyList<(string Archive, string Split, string Url)> PlannedArchives() =>
        Query("SELECT archive, split, url FROM planned ORDER BY archive", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>How many archives each split's list named on <paramref name="mirror"/>, as read by this run.</summary>
    public void RecordListed(IReadOnlyDictionary<string, int> archivesPerSplit, string mirror) =>
        Write(connection =>
        {
            foreach (var (split, archives) in archivesPerSplit)
                Execute(connection, "INSERT OR REPLACE INTO listed (split, archives, mirror) VALUES ($split, $archives, $mirror)",
                    ("$split", split), ("$archives", archives), ("$mirror", mirror));
        });

    /// <summary>What <see cref="RecordListed"/> kept: each split's archive count and mirror.</summary>
    public IReadOnlyList<(string Split, int Archives, string Mirror)> Listed() =>
        Query("SELECT split, archives, mirror FROM listed ORDER BY split", r => (r.GetString(0), r.GetInt32(1), r.GetString(2)));

    /// <summary>Marks an archive's clips resized (or failed, with their reasons), in one transaction.</summary>
    public void RecordProcessed(string archive, string split, int clips, IReadOnlyList<ClipFailure> failures)
    {
        Write(connection =>
        {
            Execute(connection, "DELETE FROM clip_failures WHERE archive = $archive", ("$archive", archive));
            foreach (var failure in failures)
                Execute(connection, """
                    INSERT OR REPLACE INTO clip_failures (archive, clip, reason, transient) VALUES ($archive, $clip, $reason, $transient)
                    """,
                    ("$archive", archive), ("$clip", failure.Clip), ("$reason", failure.Reason), ("$transient", failure.Transient ? 1 : 0));
            Execute(connection,
                "INSERT OR REPLACE INTO processed (archive, split, clips, failed, completed_at) VALUES ($archive, $split, $clips, $failed, $at)",
                ("$archive", archive), ("$split", split), ("$clips", clips), ("$failed", failures.Count), ("$at", Now));
        });
    }

    /// <summary>
    /// Takes an archive back to be done again: not processed, its clip failures forgotten; with
    /// <paramref name="forgetExtraction"/> also not extracted, so it is extracted anew (and downloaded again, unless
    /// the archive is still on disk).
    /// </summary>
    public void ReopenArchive(string archive, bool forgetExtraction)
    {
        Write(connection =>
        {
            Execute(connection, "DELETE FROM processed WHERE archive = $archive", ("$archive", archive));
            Execute(connection, "DELETE FROM clip_failures WHERE archive = $archive", ("$archive", archive));
            if (!forgetExtraction)
                return;
            Execute(connection, "DELETE FROM extractions WHERE archive = $archive", ("$archive", archive));
            Execute(connection, "DELETE FROM archive_clips WHERE archive = $archive", ("$archive", archive));
        });
    }

    public IReadOnlyList<string> ProcessedArchives() => Query("SELECT archive FROM processed ORDER BY archive", r => r.GetString(0));

    /// <summary>Every processed archive's split and clips (file names as extracted), an archive's rows together, in archive
    /// order (its clips in the store's order), read as consumed.</summary>
    public IEnumerable<(string Archive, string Split, string Clip)> ProcessedClips() =>
        Stream("""
            SELECT p.archive, p.split, c.clip FROM processed p JOIN archive_clips c ON c.archive = p.archive ORDER BY p.archive
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    public IReadOnlyList<(string Archive, ClipFailure Failure)> ClipFailures() =>
        Query("SELECT archive, clip, reason, transient FROM clip_failures ORDER BY archive, clip",
            r => (r.GetString(0), new ClipFailure(r.GetString(1), r.GetString(2), r.GetInt32(3) == 1)));
}
