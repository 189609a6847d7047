using KineticsPrep.Errors;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>
/// A state store that cannot be used as it is: damaged, written by a newer kinetics-prep, held by another process for
/// too long, or on a folder that cannot be written. Fatal: the message names the file and what to do.
/// </summary>
public sealed class StateStoreException(string message, Exception? inner = null) : KineticsPrepException(message, isFatal: true, inner)
{
    // SQLite's primary result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, CantOpen = 14, NotADatabase = 26;

    public static StateStoreException Newer(string path, long version, int known) =>
        new($"{path} was written by a newer kinetics-prep (state schema {version}; this one knows up to {known}). " +
            "Run the newer kinetics-prep, or move the file aside to rebuild it from the files on disk.");

    /// <summary>A store that a command that only reads will not upgrade: nothing it opens is changed.</summary>
    public static StateStoreException Older(string path, long version, int known) =>
        new($"{path} was written by an older kinetics-prep (state schema {version}; this one reads {known}). " +
            "Run prepare (or any command that writes the root) on it to upgrade it, then run this again.");

    /// <summary>Null when the error is not about the store as a whole (a full disk is told apart by the caller).</summary>
    public static StateStoreException? From(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        Corrupt or NotADatabase => new(
            $"{path} is damaged ({e.Message.TrimEnd('.')}). Move it aside (mv {path} {path}.bad) and run again: " +
            "the store is rebuilt, and what is on disk is checked and redone as needed.", e),
        Busy or Locked => new(
            $"{path} stayed locked by another process for {TimeoutSeconds} s. Wait for the other run to finish, or stop it.", e),
        ReadOnly or CantOpen => new(
            $"{path} cannot be opened for writing ({e.Message.TrimEnd('.')}). Check that the dataset root is writable " +
            "(not a read-only mount, and owned by you).", e),
        IoError => new($"{path}: an I/O error ({e.Message.TrimEnd('.')}). Check the file system, then run again.", e),
        _ => null,
    };

    /// <summary>How long a statement waits for another process's transaction on the same store.</summary>
    public const int TimeoutSeconds = 60;
}
