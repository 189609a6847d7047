using KineticsPrep.Dataset;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>
/// The one record of what is done under a dataset root: <c>ROOT/.kinetics-prep/state.db</c>, an SQLite database in
/// WAL mode. Every change is a single transaction, so a kill at any moment leaves it consistent.
/// </summary>
public sealed class StateStore
{
    private readonly string _connectionString;

    private StateStore(string path, SqliteOpenMode mode, bool immutable = false)
    {
        Path = path;
        // A read-only root cannot hold the WAL's shared-memory file: such a store is read as immutable (nothing can
        // be writing it).
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? "file:" + path + "?immutable=1" : path,
            Mode = mode,
            Pooling = true,
            DefaultTimeout = StateStoreException.TimeoutSeconds,
        }.ToString();
    }

    public string Path { get; }

    public const string DefaultName = "state";

    public static string PathFor(string root, string name = DefaultName) => new DatasetRoot(root).StateFile(name);

    /// <summary>Opens (creating or upgrading if needed) a store of a dataset root; each prepare shard has its own name.</summary>
    /// <exception cref="StateStoreException">Damaged, newer, locked for too long, or not writable.</exception>
    public static StateStore Open(string root, string name = DefaultName)
    {
        var store = new StateStore(PathFor(root, name), SqliteOpenMode.ReadWriteCreate);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.Path)!);
        store.Guard(() =>
        {
            using var connection = store.Connect();
            Execute(connection, "PRAGMA journal_mode = WAL");
            StateSchema.Migrate(connection, store.Path);
            return 0;
        });
        return store;
    }

    /// <summary>
    /// Opens an existing store for reading only (status, report, and a shard reading the others): nothing is written,
    /// and a read-only root works. A store from an older kinetics-prep is upgraded first when its folder is writable.
    /// </summary>
    /// <exception cref="StateStoreException">Damaged, newer, or older on a root that cannot be written.</exception>
    public static StateStore OpenReadOnly(string path)
    {
        var store = new StateStore(path, SqliteOpenMode.ReadOnly);
        long version;
        try
        {
            version = store.Guard(() =>
            {
                using var connection = store.Connect();
                return StateSchema.UserVersion(connection);
            });
        }
        catch (StateStoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 8 or 14 })
        {
            store = new StateStore(path, SqliteOpenMode.ReadOnly, immutable: true);
            version = store.Guard(() =>
            {
                using var connection = store.Connect();
                return StateSchema.UserVersion(connection);
            });
        }
        if (version > StateSchema.Version)
            throw StateStoreException.Newer(path, version, StateSchema.Version);
        if (version < StateSchema.Version)
        {
            var folder = System.IO.Path.GetDirectoryName(path)!;
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            Open(System.IO.Path.GetDirectoryName(folder)!, name);
        }
        return store;
    }

    public void RecordDownload(DownloadRecord record)
    {
        Write(connection =>
        {
            Execute(connection, "DELETE FROM failures WHERE item = $item", ("$item", record.Path));
            Execute(connection, """
                INSERT OR REPLACE INTO downloads (path, url, split, bytes, sha256, etag, completed_at)
                VALUES ($path, $url, $split, $bytes, $sha, $etag, $at)
                """,
                ("$path", record.Path), ("$url", record.Url), ("$split", record.Split), ("$bytes", record.Bytes),
                ("$sha", record.Sha256), ("$etag", (object?)record.ETag ?? DBNull.Value), ("$at", Now));
        });
    }

    public DownloadRecord? FindDownload(string path) =>
        Query("SELECT path, url, split, bytes, sha256, etag FROM downloads WHERE path = $path", ReadDownload, ("$path", path)).SingleOrDefault();

    private static DownloadRecord ReadDownload(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5));

    /// <summary>
    /// The version of a remote file that a partial download holds the start of (its strong ETag, else its
    /// Last-Modified), so a resume can ask for the rest of that version only (If-Range).
    /// </summary>
    public string? PartialValidator(string partialPath, string url) =>
        Query("SELECT validator FROM partials WHERE path = $path AND url = $url", r => r.GetString(0),
            ("$path", partialPath), ("$url", url)).SingleOrDefault();

    /// <summary>Records (or, with null, forgets) the version a partial download started from.</summary>
    public void RecordPartialValidator(string partialPath, string url, string? validator) =>
        Write(connection => Execute(connection,
            validator is null ? "DELETE FROM partials WHERE path = $path"
                : "INSERT OR REPLACE INTO partials (path, url, validator) VALUES ($path, $url, $validator)",
            ("$path", partialPath), ("$url", url), ("$validator", (object?)validator ?? DBNull.Value)));

    /// <summary>Marks an archive extracted and remembers its clips' file names, in one transaction.</summary>
    public void RecordExtraction(string archive, string split, IReadOnlyCollection<string> clips)
    {
        Write(connection =>
        {
            foreach (var clip in clips)
                Execute(connection, "INSERT OR IGNORE INTO archive_clips (archive, clip) VALUES ($archive, $clip)", ("$archive", archive), ("$clip", clip));
            Execute(connection,
                "INSERT OR REPLACE INTO extractions (archive, split, files, completed_at) VALUES ($archive, $split, $files, $at)",
                ("$archive", archive), ("$split", split), ("$files", clips.Count), ("$at", Now));
            Execute(connection, "DELETE FROM failures WHERE item = $item", ("$item", archive));
        });
    }

    public IReadOnlyList<string> ClipsOf(string archive) =>
        Query("SELECT clip FROM archive_clips WHERE archive = $archive ORDER BY clip", r => r.GetString(0), ("$archive", archive));

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

    /// <summary>An archive whose download must be fetched again (it failed extraction as truncated or corrupt).</summary>
    public void ForgetDownload(string path) =>
        Write(connection => Execute(connection, "DELETE FROM downloads WHERE path = $path", ("$path", path)));

    public IReadOnlyList<string> ProcessedArchives() => Query("SELECT archive FROM processed ORDER BY archive", r => r.GetString(0));

    /// <summary>Every processed archive's split and clips (file names as extracted).</summary>
    public IReadOnlyList<(string Archive, string Split, string Clip)> ProcessedClips() =>
        Query("""
            SELECT p.archive, p.split, c.clip FROM processed p JOIN archive_clips c ON c.archive = p.archive ORDER BY p.archive, c.clip
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    public IReadOnlyList<(string Archive, ClipFailure Failure)> ClipFailures() =>
        Query("SELECT archive, clip, reason, transient FROM clip_failures ORDER BY archive, clip",
            r => (r.GetString(0), new ClipFailure(r.GetString(1), r.GetString(2), r.GetInt32(3) == 1)));

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

    /// <summary>What a resize did to one clip: its short side and duration before, its short side after, and the file made.</summary>
    public void RecordResized(ResizedClip clip)
    {
        Write(connection => Execute(connection, """
            INSERT OR REPLACE INTO resized (path, split, source_short, source_duration, short, bytes, modified_ticks)
            VALUES ($path, $split, $ss, $sd, $short, $bytes, $modified)
            """,
            ("$path", clip.Path), ("$split", clip.Split), ("$ss", clip.SourceShortSide), ("$sd", (object?)clip.SourceDuration ?? DBNull.Value),
            ("$short", clip.ShortSide), ("$bytes", (object?)clip.Bytes ?? DBNull.Value), ("$modified", (object?)clip.ModifiedTicks ?? DBNull.Value)));
    }

    public IReadOnlyList<ResizedClip> ResizedClips() =>
        Query("SELECT path, split, source_short, source_duration, short, bytes, modified_ticks FROM resized ORDER BY path",
            r => new ResizedClip(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt64(6)));

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

    /// <summary>Files downloaded and their bytes, archives extracted and their clips: for runs without a prepare plan.</summary>
    public (long Files, long Bytes, long Archives, long Clips) Totals() =>
        Query("""
            SELECT (SELECT COUNT(*) FROM downloads), (SELECT COALESCE(SUM(bytes), 0) FROM downloads),
                   (SELECT COUNT(*) FROM extractions), (SELECT COALESCE(SUM(files), 0) FROM extractions)
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))).Single();

    /// <summary>Every store under a root, opened read-only: the default one and one per prepare shard.</summary>
    public static IReadOnlyList<StateStore> AllUnder(string root)
    {
        var folder = System.IO.Path.GetDirectoryName(PathFor(root))!;
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.db").Order(StringComparer.Ordinal).Select(OpenReadOnly).ToList()
            : [];
    }

    public bool IsExtracted(string archive) =>
        Query("SELECT 1 FROM extractions WHERE archive = $archive", r => true, ("$archive", archive)).Count > 0;

    private static string Now => DateTime.UtcNow.ToString("O");

    private IReadOnlyList<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters) =>
        Guard(() =>
        {
            using var connection = Connect();
            using var command = Command(connection, sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
                rows.Add(map(reader));
            return rows;
        });

    /// <summary>
    /// Makes one change, in one transaction unless told otherwise. A full disk rolls it back and stops the run with a
    /// <see cref="DiskFullException"/>, so nothing is recorded that did not happen.
    /// </summary>
    private void Write(Action<SqliteConnection> change) =>
        Guard(() =>
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            change(connection);
            transaction.Commit();
            return 0;
        });

    /// <summary>Turns SQLite's errors about the file as a whole into plain fatal messages that name it.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e) when (DiskSpace.IsFull(e))
        {
            throw new DiskFullException(System.IO.Path.GetDirectoryName(Path)!, null, e);
        }
        catch (SqliteException e) when (StateStoreException.From(Path, e) is { } plain)
        {
            throw plain;
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
