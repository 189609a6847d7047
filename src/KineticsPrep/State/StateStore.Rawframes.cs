namespace KineticsPrep.State;

/// <summary>What export rawframes recorded of each clip's frames.</summary>
public sealed partial class StateStore
{
    /// <summary>A clip's frames, complete and in place; an earlier failure of the clip is forgotten.</summary>
    public void RecordRawframes(RawframeFolder folder) =>
        Write(connection =>
        {
            Execute(connection, "INSERT OR REPLACE INTO rawframes (folder, split, frames, bytes) VALUES ($folder, $split, $frames, $bytes)",
                ("$folder", folder.Path), ("$split", folder.Split), ("$frames", folder.Frames), ("$bytes", folder.Bytes));
            Execute(connection, "DELETE FROM failures WHERE item = $folder AND stage = 'rawframes'", ("$folder", folder.Path));
        });

    /// <summary>Forgets every folder of frames: they are being made again with other settings.</summary>
    public void ForgetRawframes() => Write(connection => Execute(connection, "DELETE FROM rawframes"));

    public IReadOnlyList<RawframeFolder> RawframeFolders() =>
        Query("SELECT folder, split, frames, bytes FROM rawframes ORDER BY folder",
            r => new RawframeFolder(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3)));
}
