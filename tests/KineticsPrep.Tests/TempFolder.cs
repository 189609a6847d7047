namespace KineticsPrep.Tests;

/// <summary>A folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kp-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed ffmpeg may still hold a file for a moment; the temp folder is cleaned eventually anyway.
        }
    }
}
