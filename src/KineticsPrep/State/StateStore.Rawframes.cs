namespace KineticsPrep.State;

/// <summary>What export rawframes recorded of each clip's frames.</summary>
public sealed partial class StateStore
{
    /// <summary>A clip's frames, complete and in place; an earlier failure of the clip is forgotten.</summary>
    public void RecordRawframes(RawframeFolder folder) =>
        Write(connection =>
        {
            Execute(connection,
                "INSERT OR REPLACE INTO rawframes (folder, split, frames, bytes, source_bytes, source_modified_ticks) " +
                "VALUES ($folder, $split, $frames, $bytes, $sourceBytes, $sourceTicks)",
                ("$folder", folder.Path), ("$split", folder.Split), ("$frames", folder.Frames), ("$bytes", folder.Bytes),
                ("$sourceBytes", (object?)folder.SourceBytes ?? DBNull.Value), ("$sourceTicks", (object?)folder.SourceModifiedTicks ?? DBNull.Value));
            Execute(connection, "DELETE FROM failures WHERE item = $folder AND stage = 'rawframes'", ("$folder", folder.Path));
        });

    /// <summary>Forgets every folder of frames: they are being made again with other settings.</summary>
    public void ForgetRawframes() => Write(connection => Execute(connection, "DELETE FROM rawframes"));

    /// <summary>Forgets one folder of frames: its clip is no longer listed, and the folder was removed.</summary>
    public void ForgetRawframes(string folder) => Write(connection => Execute(connection, "DELETE FROM rawframes WHERE folder = $folder", ("$folder", folder)));

    public IReadOnlyList<RawframeFolder> RawframeFolders() =>
        Query("SELECT folder, split, frames, bytes, source_bytes, source_modified_ticks FROM rawframes ORDER BY folder",
            r => new RawframeFolder(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.IsDBNull(5) ? null : r.GetInt64(5)));
}
