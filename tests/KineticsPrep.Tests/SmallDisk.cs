using CliWrap;
using CliWrap.Buffered;

namespace KineticsPrep.Tests;

/// <summary>A tmpfs of a few KiB mounted on a folder: a real disk that fills up. Needs root, as the tests run.</summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(string folder, int kibibytes)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", folder);
    }

    public string Folder { get; }

    /// <summary>Frees space the way a user would make room: the same disk, now larger, with everything on it kept.</summary>
    public void Grow(int kibibytes) => Run("mount", "-o", $"remount,size={kibibytes}k", Folder);

    public void Dispose() => Run("umount", "--lazy", Folder);

    private static void Run(params string[] command)
    {
        var result = CliWrap.Cli.Wrap(command[0]).WithArguments(command[1..]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed (the tests run as root): {result.StandardError}");
    }
}
