using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>
/// The state store's tables, as numbered migrations. <c>PRAGMA user_version</c> says how many a file has had; the
/// missing ones run in one exclusive transaction, so shards that open their stores in the same second, or two
/// processes on one store, never migrate the same file twice.
/// </summary>
internal static class StateSchema
{
    private static readonly string[] Migrations =
    [
        // 1: the tables as they were before versioning (IF NOT EXISTS: such a file has them, without user_version).
        """
        CREATE TABLE IF NOT EXISTS downloads (
            path TEXT PRIMARY KEY, url TEXT NOT NULL, split TEXT NOT NULL, bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL, completed_at TEXT NOT NULL, etag TEXT);
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
        """,
        // 2: a clip failure is transient (retried by the next run) or permanent (a bad input); failures recorded before
        // the two were told apart are retried. A resized clip's size and modification time, to notice one changed by hand.
        """
        ALTER TABLE clip_failures ADD COLUMN transient INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE resized ADD COLUMN bytes INTEGER;
        ALTER TABLE resized ADD COLUMN modified_ticks INTEGER;
        """,
        // 3: the settings the root's clips were made with, so that a run with others is refused instead of mixing them.
        """
        CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 4: provenance (the manifest): each original's bytes and SHA-256 as it left its archive, each resized clip's SHA-256.
        """
        ALTER TABLE archive_clips ADD COLUMN bytes INTEGER;
        ALTER TABLE archive_clips ADD COLUMN sha256 TEXT;
        ALTER TABLE resized ADD COLUMN sha256 TEXT;
        """,
        // 5: export rawframes: each clip's folder of JPEG frames, once complete and renamed into place.
        """
        CREATE TABLE rawframes (folder TEXT PRIMARY KEY, split TEXT NOT NULL, frames INTEGER NOT NULL, bytes INTEGER NOT NULL);
        """,
        // 6: the size and modification time of the clip a verify result is about: it holds for those bytes only.
        """
        ALTER TABLE verified ADD COLUMN bytes INTEGER;
        ALTER TABLE verified ADD COLUMN modified_ticks INTEGER;
        """,
        // 7: the clip a folder of frames was made from (its size and modification time): a clip made again since
        // (--reencode) has its frames made again.
        """
        ALTER TABLE rawframes ADD COLUMN source_bytes INTEGER;
        ALTER TABLE rawframes ADD COLUMN source_modified_ticks INTEGER;
        """,
        // 8: how many changes the store has committed, also kept beside it (NAME.db.commits): a store with fewer than
        // that lost its last commits (its -wal file deleted after an unclean stop).
        """
        CREATE TABLE commit_count (n INTEGER NOT NULL);
        INSERT INTO commit_count (n) VALUES (0);
        """,
        // 9: the ctime of the clip a verify result is about, which a hand edit that puts the modification time back
        // still moves (a second verify skips a clip only when all three are unchanged), and whether every frame was
        // decoded (--full), which a plain verify's result does not stand in for. How many archives each split's list
        // named on which mirror: with every one of them planned, a later run needs no mirror to know the release. A
        // count of the changes to the resized clips, kept by the store itself: what was made from them is current while
        // it is unchanged, which a run learns without reading 300k rows.
        """
        ALTER TABLE verified ADD COLUMN changed_ticks INTEGER;
        ALTER TABLE verified ADD COLUMN full INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE listed (split TEXT PRIMARY KEY, archives INTEGER NOT NULL, mirror TEXT NOT NULL);
        CREATE TABLE resized_changes (n INTEGER NOT NULL);
        INSERT INTO resized_changes (n) VALUES (0);
        CREATE TRIGGER resized_inserted AFTER INSERT ON resized BEGIN UPDATE resized_changes SET n = n + 1; END;
        CREATE TRIGGER resized_updated AFTER UPDATE ON resized BEGIN UPDATE resized_changes SET n = n + 1; END;
        CREATE TRIGGER resized_deleted AFTER DELETE ON resized BEGIN UPDATE resized_changes SET n = n + 1; END;
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>Brings a store opened for writing up to <see cref="Version"/>.</summary>
    /// <exception cref="StateStoreException">The file is from a newer kinetics-prep.</exception>
    public static void Migrate(SqliteConnection connection, string path)
    {
        if (UserVersion(connection) == Version)
            return;
        Execute(connection, "BEGIN EXCLUSIVE");
        try
        {
            var version = UserVersion(connection);
            if (version > Version)
                throw StateStoreException.Newer(path, version, Version);
            for (var next = version; next < Version; next++)
            {
                Execute(connection, Migrations[next]);
                if (next == 0)
                    AddEtagColumnIfMissing(connection);
            }
            Execute(connection, $"PRAGMA user_version = {Version}");
            Execute(connection, "COMMIT");
        }
        catch
        {
            RollBack(connection);
            throw;
        }
    }

    /// <summary>
    /// The schema version in a store's file header (SQLite keeps user_version at byte 60, big-endian), read without
    /// opening it; null when the file is not an SQLite database.
    /// </summary>
    public static int? HeaderVersion(string path)
    {
        var header = new byte[100];
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
                return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return header.AsSpan(0, 16).SequenceEqual("SQLite format 3\0"u8) ? BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60, 4)) : null;
    }

    /// <summary>The schema a store has; for a store opened read-only, which cannot be migrated.</summary>
    public static long UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    // A file from before versioning may have "downloads" without the "etag" column that was added to it later.
    private static void AddEtagColumnIfMissing(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('downloads') WHERE name = 'etag'";
        if ((long)command.ExecuteScalar()! == 0)
            Execute(connection, "ALTER TABLE downloads ADD COLUMN etag TEXT");
    }

    // After an error that already ended the transaction (a full disk), ROLLBACK fails too: the first error is the one to tell.
    private static void RollBack(SqliteConnection connection)
    {
        try
        {
            Execute(connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
