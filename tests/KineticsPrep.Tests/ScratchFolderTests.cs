using System.Diagnostics;
using KineticsPrep.IO;

namespace KineticsPrep.Tests;

public sealed class ScratchFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_scratch_folder_removes_those_of_killed_runs_and_keeps_those_of_running_ones()
    {
        using var finished = Process.Start("true")!;
        finished.WaitForExit();
        var killedRuns = _temp.Combine($"kinetics-prep-verify-{finished.Id}-0123abcd");
        Directory.CreateDirectory(Path.Combine(killedRuns, "inner"));
        File.WriteAllText(Path.Combine(killedRuns, "inner", "0.crc"), "left by kill -9");
        var runningRuns = _temp.Combine($"kinetics-prep-verify-{Environment.ProcessId}-4567ef01");
        Directory.CreateDirectory(runningRuns);
        var notOurs = _temp.Combine("kinetics-prep-notes");
        Directory.CreateDirectory(notOurs);

        string made;
        using (var scratch = new ScratchFolder("verify", _temp.Path))
        {
            made = scratch.Path;
            Assert.True(Directory.Exists(made));
        }

        Assert.False(Directory.Exists(killedRuns));
        Assert.True(Directory.Exists(runningRuns));
        Assert.True(Directory.Exists(notOurs));
        Assert.False(Directory.Exists(made));
    }
}
