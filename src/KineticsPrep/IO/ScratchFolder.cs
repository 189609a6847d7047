namespace KineticsPrep.IO;

/// <summary>A new folder under the system's temporary folder, deleted with what is in it.</summary>
public sealed class ScratchFolder(string purpose) : IDisposable
{
    /// <summary>Its full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory($"kinetics-prep-{purpose}-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
