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

    private StateStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public const string DefaultName = "state";

    public static string PathFor(string root, string name = DefaultName) => new DatasetRoot(root).StateFile(name);

    /// <summary>Opens (creating if needed) a store of a dataset root; each prepare shard has its own name.</summary>
    public static StateStore Open(string root, string name = DefaultName)
    {
        var store = new StateStore(PathFor(root, name));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.Path)!);
        store.Write(connection => Execute(connection, "PRAGMA journal_mode = WAL"), inTransaction: false);
        store.Write(connection => Execute(connection, """
            CREATE TABLE IF NOT EXISTS downloads (
                path TEXT PRIMARY KEY, url TEXT NOT NULL, split TEXT NOT NULL, bytes INTEGER NOT NULL,
                sha256 TEXT NOT NULL, completed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS extractions (
                archive TEXT PRIMARY KEY, split TEXT NOT NULL, files INTEGER NOT NULL, completed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS archive_clips (archive TEXT NOT NULL, clip TEXT NOT NULL, PRIMARY KEY (archive, clip));
            CREATE TABLE IF NOT EXISTS planned (archive TEXT PRIMARY KEY, split TEXT NOT NULL, url TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS processed (
                archive TEXT PRIMARY KEY, split TEXT NOT NULL, clips INTEGER NOT NULL, failed INTEGER NOT NULL, completed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS clip_failures (archive TEXT NOT NULL, clip TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (archive, clip));
            CREATE TABLE IF NOT EXISTS failures (item TEXT PRIMARY KEY, stage TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS resized (
                path TEXT PRIMARY KEY, split TEXT NOT NULL, source_short INTEGER NOT NULL, source_duration REAL, short INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS partials (path TEXT PRIMARY KEY, url TEXT NOT NULL, validator TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS verified (
                path TEXT PRIMARY KEY, ok INTEGER NOT NULL, reason TEXT, duration REAL, width INTEGER, height INTEGER, fps REAL,
                codec TEXT, checked_at TEXT NOT NULL);
            """));
        store.AddColumnIfMissing("downloads", "etag", "TEXT");
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
    public void RecordProcessed(string archive, string split, int clips, IReadOnlyList<(string Clip, string Reason)> failures)
    {
        Write(connection =>
        {
            foreach (var (clip, reason) in failures)
                Execute(connection, "INSERT OR REPLACE INTO clip_failures (archive, clip, reason) VALUES ($archive, $clip, $reason)",
                    ("$archive", archive), ("$clip", clip), ("$reason", reason));
            Execute(connection,
                "INSERT OR REPLACE INTO processed (archive, split, clips, failed, completed_at) VALUES ($archive, $split, $clips, $failed, $at)",
                ("$archive", archive), ("$split", split), ("$clips", clips), ("$failed", failures.Count), ("$at", Now));
        });
    }

    public IReadOnlyList<string> ProcessedArchives() => Query("SELECT archive FROM processed ORDER BY archive", r => r.GetString(0));

    public IReadOnlyList<(string Archive, string Clip, string Reason)> ClipFailures() =>
        Query("SELECT archive, clip, reason FROM clip_failures ORDER BY archive, clip", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>Per stage and split: items planned, done, failed, bytes and the first/last completion time.</summary>
    public IReadOnlyList<StageCount> StageCounts()
    {
        using var connection = Connect();
        using var command = Command(connection, """
            SELECT 'download', p.split, COUNT(*), COUNT(d.path), 0, COALESCE(SUM(d.bytes), 0), MIN(d.completed_at), MAX(d.completed_at)
              FROM planned p LEFT JOIN downloads d ON d.path = p.archive GROUP BY p.split
            UNION ALL
            SELECT 'extract', p.split, COUNT(*), COUNT(e.archive), 0, COALESCE(SUM(e.files), 0), MIN(e.completed_at), MAX(e.completed_at)
              FROM planned p LEFT JOIN extractions e ON e.archive = p.archive GROUP BY p.split
            UNION ALL
            SELECT 'resize', p.split, COUNT(*), COUNT(r.archive), COALESCE(SUM(r.failed), 0), COALESCE(SUM(r.clips), 0), MIN(r.completed_at), MAX(r.completed_at)
              FROM planned p LEFT JOIN processed r ON r.archive = p.archive GROUP BY p.split
            """);
        return Read(command, r => new StageCount(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt64(5),
            r.IsDBNull(6) ? null : DateTime.Parse(r.GetString(6), null, System.Globalization.DateTimeStyles.RoundtripKind),
            r.IsDBNull(7) ? null : DateTime.Parse(r.GetString(7), null, System.Globalization.DateTimeStyles.RoundtripKind)));
    }

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

    /// <summary>What a resize did to one clip: its short side and duration before, its short side after.</summary>
    public void RecordResized(ResizedClip clip)
    {
        Write(connection => Execute(connection,
            "INSERT OR REPLACE INTO resized (path, split, source_short, source_duration, short) VALUES ($path, $split, $ss, $sd, $short)",
            ("$path", clip.Path), ("$split", clip.Split), ("$ss", clip.SourceShortSide), ("$sd", (object?)clip.SourceDuration ?? DBNull.Value),
            ("$short", clip.ShortSide)));
    }

    public IReadOnlyList<ResizedClip> ResizedClips() =>
        Query("SELECT path, split, source_short, source_duration, short FROM resized ORDER BY path",
            r => new ResizedClip(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetInt32(4)));

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
    public (long Files, long Bytes, long Archives, long Clips) Totals()
    {
        using var connection = Connect();
        using var command = Command(connection, """
            SELECT (SELECT COUNT(*) FROM downloads), (SELECT COALESCE(SUM(bytes), 0) FROM downloads),
                   (SELECT COUNT(*) FROM extractions), (SELECT COALESCE(SUM(files), 0) FROM extractions)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Every store under a root: the default one and one per prepare shard.</summary>
    public static IReadOnlyList<StateStore> AllUnder(string root)
    {
        var folder = System.IO.Path.GetDirectoryName(PathFor(root))!;
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.db").Order(StringComparer.Ordinal)
                .Select(path => Open(root, System.IO.Path.GetFileNameWithoutExtension(path))).ToList()
            : [];
    }

    private static string Now => DateTime.UtcNow.ToString("O");

    private IReadOnlyList<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        return Read(command, map);
    }

    private static IReadOnlyList<T> Read<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    public bool IsExtracted(string archive)
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT 1 FROM extractions WHERE archive = $archive", ("$archive", archive));
        return command.ExecuteScalar() is not null;
    }

    /// <summary>A column that a newer version added to a table an older version created.</summary>
    private void AddColumnIfMissing(string table, string column, string type)
    {
        if (!Query($"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0)).Contains(column))
            Write(connection => Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}"));
    }

    /// <summary>
    /// Makes one change, in one transaction unless told otherwise. A full disk rolls it back and stops the run with a
    /// <see cref="DiskFullException"/>, so nothing is recorded that did not happen.
    /// </summary>
    private void Write(Action<SqliteConnection> change, bool inTransaction = true)
    {
        try
        {
            using var connection = Connect();
            using var transaction = inTransaction ? connection.BeginTransaction() : null;
            change(connection);
            transaction?.Commit();
        }
        catch (SqliteException e) when (DiskSpace.IsFull(e))
        {
            throw new DiskFullException(System.IO.Path.GetDirectoryName(Path)!, null, e);
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

/// <summary>
/// One stage of one split: archives planned and done (failed clips for resize), an amount (bytes downloaded, clips
/// extracted or resized) and when the first and last archive finished, for rates and ETAs.
/// </summary>
public sealed record StageCount(string Stage, string Split, int Planned, int Done, int Failed, long Amount, DateTime? First, DateTime? Last)
{
    /// <summary>The same stage and split counted over several state stores (a sharded run's).</summary>
    public static IReadOnlyList<StageCount> Merge(IEnumerable<StageCount> counts) =>
        counts.GroupBy(c => (c.Stage, c.Split))
            .Select(g => new StageCount(g.Key.Stage, g.Key.Split, g.Sum(c => c.Planned), g.Sum(c => c.Done), g.Sum(c => c.Failed),
                g.Sum(c => c.Amount), g.Min(c => c.First), g.Max(c => c.Last)))
            .ToList();

    // The first archive's own time is not seen (only when it finished), so rates run from the first to the last
    // finished archive over the archives after the first.
    private TimeSpan? Span => First is { } first && Last is { } last && last > first && Done > 1 ? last - first : null;

    /// <summary>Bytes or clips per second; null until two archives are done.</summary>
    public double? PerSecond => Span is { } span ? Throughput.PerSecond(Amount * (Done - 1.0) / Done, span) : null;

    /// <summary>Zero when done; null until two archives are done.</summary>
    public TimeSpan? TimeLeft => Done == Planned ? TimeSpan.Zero : Span is { } span ? Throughput.TimeLeft(Done - 1, Planned - Done, span) : null;
}

/// <summary>A resized clip (path relative to the root): short side and duration before, short side after.</summary>
public sealed record ResizedClip(string Path, string Split, int SourceShortSide, double? SourceDuration, int ShortSide);

/// <summary>What verify found in a clip: readable or not (and why), and its duration, size, frame rate and codec.</summary>
public sealed record VerifiedClip(string Path, bool Ok, string? Reason, double? Duration, int? Width, int? Height, double? Fps, string? Codec);

/// <summary>A file that arrived whole: where it is, where it came from, its size, SHA-256 and the server's ETag.</summary>
public sealed record DownloadRecord(string Path, string Url, string Split, long Bytes, string Sha256, string? ETag = null);
