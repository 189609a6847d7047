namespace KineticsPrep.State;

/// <summary>What the extract stage recorded: archives extracted, and their clips.</summary>
public sealed partial class StateStore
{
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

    public bool IsExtracted(string archive) =>
        Query("SELECT 1 FROM extractions WHERE archive = $archive", r => true, ("$archive", archive)).Count > 0;
}
