namespace KineticsPrep.Extract;

/// <summary>An archive and the folder its clips go to. <see cref="Key"/> names it in the state store.</summary>
public sealed record ArchiveJob(string ArchivePath, string Key, string Split, string TargetFolder, long Bytes)
{
    /// <summary>Which clips (by file name) to write; the others are passed over. Null: every clip.</summary>
    public Func<string, bool>? Keep { get; init; }
}
