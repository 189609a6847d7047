namespace KineticsPrep.State;

/// <summary>What the extract stage recorded: archives extracted, and their clips.</summary>
public sealed partial class StateStore
{
    /// <summary>Marks an archive extracted and remembers its clips' file names, in one transaction.</summary>
    public void RecordExtraction(string archive, string split, IReadOnlyCollection<SourceClip> clips)
    {
        Write(connection =>
        {
            foreach (var clip in clips)
                Execute(connection, "INSERT OR REPLACE INTO archive_clips (archive, clip, bytes, sha256) VALUES ($archive, $clip, $bytes, $sha)",
                    ("$archive", archive), ("$clip", clip.Name), ("$bytes", clip.Bytes), ("$sha", clip.Sha256));
            Execute(connection,
                "INSERT OR REPLACE INTO extractions (archive, split, files, completed_at) VALUES ($archive, $split, $files, $at)",
                ("$archive", archive), ("$split", split), ("$files", clips.Count), ("$at", Now));
            Execute(connection, "DELETE FROM failures WHERE item = $item", ("$item", archive));
        });
    }

    /// <summary>Every extracted clip's archive, bytes and SHA-256 (null for clips extracted before they were kept), read as consumed.</summary>
    public IEnumerable<(string Archive, string Clip, long? Bytes, string? Sha256)> SourceClips() =>
        Stream("SELECT archive, clip, bytes, sha256 FROM archive_clips ORDER BY archive, clip",
            r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? (long?)null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3)));

    public IReadOnlyList<string> ClipsOf(string archive) =>
        Query("SELECT clip FROM archive_clips WHERE archive = $archive ORDER BY clip", r => r.GetString(0), ("$archive", archive));

    public bool IsExtracted(string archive) =>
        Query("SELECT 1 FROM extractions WHERE archive = $archive", r => true, ("$archive", archive)).Count > 0;
}
