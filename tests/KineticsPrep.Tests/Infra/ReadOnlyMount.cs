namespace KineticsPrep.Tests;

/// <summary>
/// A folder made read-only by a read-only bind mount of itself, as a real read-only file system: file modes alone do
/// not stop root, as the tests run. Dispose puts it back, writable, with its contents.
/// </summary>
public sealed class ReadOnlyMount : IDisposable
{
    public ReadOnlyMount(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        SystemCommand.Run("mount", "--bind", folder, folder);
        SystemCommand.Run("mount", "-o", "remount,bind,ro", folder);
    }

    public string Folder { get; }

    public void Dispose() => SystemCommand.Run("umount", "--lazy", Folder);

}
