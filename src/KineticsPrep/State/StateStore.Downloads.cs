using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>What the download stage recorded: whole files, and the versions partial ones started from.</summary>
public sealed partial class StateStore
{
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

    /// <summary>Every file recorded as downloaded whole.</summary>
    public IReadOnlyList<DownloadRecord> Downloads() =>
        Query("SELECT path, url, split, bytes, sha256, etag FROM downloads ORDER BY path", ReadDownload);

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

    /// <summary>An archive whose download must be fetched again (it failed extraction as truncated or corrupt).</summary>
    public void ForgetDownload(string path) =>
        Write(connection => Execute(connection, "DELETE FROM downloads WHERE path = $path", ("$path", path)));
}
