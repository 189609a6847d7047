using KineticsPrep.Dataset;
using KineticsPrep.IO;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>
/// The one record of what is done under a dataset root: <c>ROOT/.kinetics-prep/state.db</c>, an SQLite database in
/// WAL mode. Every change is a single transaction, so a kill at any moment leaves it consistent. This file opens it and
/// runs the statements; each stage's records are in a file of their own (StateStore.Downloads.cs, …), the tables in
/// <see cref="StateSchema"/>.
/// </summary>
public sealed partial class StateStore
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

    /// <summary>The dataset root (or resize destination) this store keeps the record of: as it was opened (one release
    /// of several, <see cref="DatasetRoot.Release"/>), else the folder the store is in.</summary>
    public DatasetRoot Root => _root ?? new(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path))!);

    private DatasetRoot? _root;

    public const string DefaultName = "state";

    // SQLITE_FULL: the disk (or quota) filled while SQLite wrote.
    private const int SqliteFull = 13;


    /// <summary>Opens (creating or upgrading if needed) a store of a dataset root; each prepare shard has its own name.</summary>
    /// <exception cref="StateStoreException">Damaged, newer, locked for too long, or not writable.</exception>
    public static StateStore Open(DatasetRoot root, string name = DefaultName)
    {
        var store = new StateStore(root.StateFile(name), SqliteOpenMode.ReadWriteCreate) { _root = root };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.Path)!);
        var committed = store.Guard(() =>
        {
            using var connection = store.Connect();
            Execute(connection, "PRAGMA journal_mode = WAL");
            StateSchema.Migrate(connection, store.Path);
            using var count = Command(connection, "SELECT n FROM commit_count");
            return (long)count.ExecuteScalar()!;
        });
        store.LostCommits = Math.Max(0, (CommitCount.Read(store.Path) ?? 0) - committed);
        if (store.LostCommits > 0)
            CommitCount.Write(store.Path, committed);
        return store;
    }

    /// <summary>
    /// Opens an existing store for reading only (status, report, and a shard reading the others): nothing is written,
    /// and a read-only root works. A store from an older kinetics-prep is refused, unless <paramref name="upgrade"/>
    /// (a writing command, holding the root's lock, reading another shard's store) upgrades it first.
    /// </summary>
    /// <exception cref="StateStoreException">Damaged, newer, or older (without <paramref name="upgrade"/>).</exception>
    public static StateStore OpenReadOnly(string path, bool upgrade = false)
    {
        // An older store closed cleanly (no WAL beside it) is refused from its header alone: opening it through SQLite
        // would make its -shm and -wal files.
        if (!upgrade && !File.Exists(path + "-wal") && StateSchema.HeaderVersion(path) is { } old && old < StateSchema.Version)
            throw StateStoreException.Older(path, old, StateSchema.Version);
        var store = new StateStore(path, SqliteOpenMode.ReadOnly);
        long version;
        try
        {
            version = store.SchemaVersion();
        }
        catch (StateStoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 8 or 14 })
        {
            store = new StateStore(path, SqliteOpenMode.ReadOnly, immutable: true);
            version = store.SchemaVersion();
        }
        if (version > StateSchema.Version)
            throw StateStoreException.Newer(path, version, StateSchema.Version);
        if (version < StateSchema.Version && !upgrade)
            throw StateStoreException.Older(path, version, StateSchema.Version);
        if (version < StateSchema.Version)
            Open(store.Root, System.IO.Path.GetFileNameWithoutExtension(path));
        return store;
    }

    private long SchemaVersion() =>
        Guard(() =>
        {
            using var connection = Connect();
            return StateSchema.UserVersion(connection);
        });

    /// <summary>Every store under a root, opened read-only: the default one and one per prepare shard.</summary>
    /// <param name="upgrade">Upgrade stores from an older kinetics-prep (a writing command's run, under the root's lock).</param>
    public static IReadOnlyList<StateStore> AllUnder(DatasetRoot root, bool upgrade = false) =>
        Directory.Exists(root.StateFolder)
            ? Directory.GetFiles(root.StateFolder, "*.db").Order(StringComparer.Ordinal).Select(path => OpenReadOnly(path, upgrade)).ToList()
            : [];

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
    /// The rows of a query one at a time, read as they are consumed, so that a root's 300k clips are never all in
    /// memory at once. The connection stays open until the enumeration ends.
    /// </summary>
    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var connection = Guard(Connect);
        using var command = Command(connection, sql);
        using var reader = Guard(command.ExecuteReader);
        while (Guard(reader.Read))
            yield return map(reader);
    }

    /// <summary>
    /// Makes one change, in one transaction unless told otherwise. A full disk rolls it back and stops the run with a
    /// <see cref="DiskFullException"/>, so nothing is recorded that did not happen.
    /// </summary>
    private void Write(Action<StoreWrite> change)
    {
        var committed = Guard(() =>
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            using var write = new StoreWrite(connection);
            change(write);
            var count = (long)write.Scalar("UPDATE commit_count SET n = n + 1 RETURNING n")!;
            transaction.Commit();
            return count;
        });
        CommitCount.Write(Path, committed);
    }

    /// <summary>
    /// How many recorded changes this store lost since the last run (its -wal file deleted after an unclean stop): the
    /// items they recorded are done again. Zero when none.
    /// </summary>
    public long LostCommits { get; private set; }

    /// <summary>Turns SQLite's errors about the file as a whole into plain fatal messages that name it.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteFull || DiskSpace.IsFull(e))
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

    private static void Execute(StoreWrite write, string sql, params (string Name, object Value)[] parameters) => write.Execute(sql, parameters);

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
