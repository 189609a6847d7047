using System.Diagnostics;

namespace KineticsPrep.Tests;

/// <summary>
/// Another process holding the OS lock (flock) of a file and nothing else: no owner file, as a writer on a file system
/// that lost the owner file would. util-linux's flock(1) takes it and runs a sleep under it until disposed.
/// </summary>
public sealed class OsLockHolder : IDisposable
{
    private readonly Process _process;

    private OsLockHolder(Process process) => _process = process;

    public static OsLockHolder Start(string lockFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var held = lockFile + ".held";
        var info = new ProcessStartInfo("flock") { UseShellExecute = false };
        foreach (var argument in new[] { "--exclusive", "--nonblock", lockFile, "sh", "-c", $"touch '{held}'; exec sleep 120" })
            info.ArgumentList.Add(argument);
        var holder = new OsLockHolder(Process.Start(info)!);
        var waited = Stopwatch.StartNew();
        while (!File.Exists(held))
        {
            if (holder._process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException($"flock did not take {lockFile}");
            Thread.Sleep(20);
        }
        File.Delete(held);
        return holder;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
