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

    public static string PathFor(string root) => System.IO.Path.Combine(System.IO.Path.GetFullPath(root), ".kinetics-prep", "state.db");

    /// <summary>Opens (creating if needed) the store of a dataset root.</summary>
    public static StateStore Open(string root)
    {
        var store = new StateStore(PathFor(root));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.Path)!);
        using var connection = store.Connect();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS downloads (
                path TEXT PRIMARY KEY, url TEXT NOT NULL, split TEXT NOT NULL, bytes INTEGER NOT NULL,
                sha256 TEXT NOT NULL, completed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS extractions (
                archive TEXT PRIMARY KEY, split TEXT NOT NULL, files INTEGER NOT NULL, completed_at TEXT NOT NULL);
            """);
        return store;
    }

    public void RecordDownload(DownloadRecord record)
    {
        using var connection = Connect();
        Execute(connection,
            "INSERT OR REPLACE INTO downloads (path, url, split, bytes, sha256, completed_at) VALUES ($path, $url, $split, $bytes, $sha, $at)",
            ("$path", record.Path), ("$url", record.Url), ("$split", record.Split), ("$bytes", record.Bytes),
            ("$sha", record.Sha256), ("$at", DateTime.UtcNow.ToString("O")));
    }

    public DownloadRecord? FindDownload(string path)
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT path, url, split, bytes, sha256 FROM downloads WHERE path = $path", ("$path", path));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new DownloadRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4))
            : null;
    }

    public IReadOnlyList<DownloadRecord> Downloads()
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT path, url, split, bytes, sha256 FROM downloads ORDER BY path");
        using var reader = command.ExecuteReader();
        var records = new List<DownloadRecord>();
        while (reader.Read())
            records.Add(new DownloadRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4)));
        return records;
    }

    public void RecordExtraction(string archive, string split, int files)
    {
        using var connection = Connect();
        Execute(connection,
            "INSERT OR REPLACE INTO extractions (archive, split, files, completed_at) VALUES ($archive, $split, $files, $at)",
            ("$archive", archive), ("$split", split), ("$files", files), ("$at", DateTime.UtcNow.ToString("O")));
    }

    public bool IsExtracted(string archive)
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT 1 FROM extractions WHERE archive = $archive", ("$archive", archive));
        return command.ExecuteScalar() is not null;
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

/// <summary>A file that arrived whole: where it is, where it came from, its size and SHA-256.</summary>
public sealed record DownloadRecord(string Path, string Url, string Split, long Bytes, string Sha256);
