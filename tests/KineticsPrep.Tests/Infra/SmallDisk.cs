namespace KineticsPrep.Tests;

/// <summary>A tmpfs of a few KiB mounted on a folder: a real disk that fills up. Needs root, as the tests run.</summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(string folder, int kibibytes)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        SystemCommand.Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", folder);
    }

    public string Folder { get; }

    /// <summary>Frees space the way a user would make room: the same disk, now larger, with everything on it kept.</summary>
    public void Grow(int kibibytes) => SystemCommand.Run("mount", "-o", $"remount,size={kibibytes}k", Folder);

    public void Dispose() => SystemCommand.Run("umount", "--lazy", Folder);
}
