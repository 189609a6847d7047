using System.Text.RegularExpressions;
using KineticsPrep.State;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.Tests;

/// <summary>A state store that is damaged, newer, half-migrated by another process, or on a read-only root.</summary>
[Collection(PrepareCollection.Name)]
public sealed partial class StateStoreFaultTests(PrepareFixture fixture)
{
    /// <summary>Every command that opens a root's state store: the two that only read it, then the writers.</summary>
    private string[][] EveryCommandOn(string root) =>
    [
        ["status", "--root", root],
        ["report", "--root", root],
        .. WritersOf(root),
    ];

    private string[][] WritersOf(string root) =>
    [
        ["verify", "--root", root],
        ["verify", "--root", root, "--fix-lists"],
        ["extract", "--root", root],
        ["download", "k400", "--root", root, "--mirror", fixture.Mirror],
        ["prepare", "k400", "--root", root, "--mirror", fixture.Mirror],
        ["annotate", "--root", root],
        ["resize", Path.Combine(root, "videos_320p"), Path.Combine(root, "videos_160p"), "--short-side", "160"],
        ["export", "webdataset", "--root", root],
        ["export", "rawframes", "--root", root],
        ["overlap", "--root", root, "--with", "k400:val", "--mirror", fixture.Mirror],
    ];

    private string RootWithStore(string name)
    {
        var root = fixture.CopyOfReference(name);
        TestArchives.Write(Path.Combine(root, "archives", "train", "part_0.tar.gz"), gzip: true, TestArchives.File("a_000001_000011.mp4"));
        return root;
    }

    private static void AssertPlainFatal(CliRunner.Result run, params string[] expected)
    {
        var output = run.Stdout + run.Stderr;
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {output}");
        foreach (var text in expected)
            Assert.Contains(text, output);
        Assert.DoesNotMatch(StackTraceLine(), output);
        Assert.DoesNotContain("unexpected error", output);
    }

    [GeneratedRegex(@"(?m)^\s+at \S+\(|Exception:")]
    private static partial Regex StackTraceLine();

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_damaged_store_gives_every_command_one_plain_message_with_its_path_and_what_to_do()
    {
        var root = RootWithStore("damaged-store");
        var store = Path.Combine(root, ".kinetics-prep", "state.db");
        foreach (var leftover in Directory.GetFiles(Path.GetDirectoryName(store)!, "state.db-*"))
            File.Delete(leftover);
        File.WriteAllBytes(store, [.. Enumerable.Repeat((byte)'x', 8192)]);

        foreach (var command in EveryCommandOn(root))
            AssertPlainFatal(await CliRunner.RunAsync(command), $"{store} is damaged", "Move it aside");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_store_from_a_newer_version_is_refused_by_every_command_and_left_as_it_is()
    {
        var root = RootWithStore("newer-store");
        var store = Path.Combine(root, ".kinetics-prep", "state.db");
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        foreach (var command in EveryCommandOn(root))
            AssertPlainFatal(await CliRunner.RunAsync(command), $"{store} was written by a newer kinetics-prep (state schema 99");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_and_report_read_a_root_on_a_read_only_file_system_and_every_writer_says_plainly_why_it_cannot()
    {
        var root = RootWithStore("read-only-root");
        // A clean close leaves no WAL files: the read-only root holds only state.db.
        _ = StateStore.OpenReadOnly(Path.Combine(root, ".kinetics-prep", "state.db")).ProcessedArchives();
        SqliteConnection.ClearAllPools();
        using var readOnly = new ReadOnlyMount(root);

        var status = await CliRunner.RunAsync("status", "--root", root);
        var report = await CliRunner.RunAsync("report", "--root", root, "--out", fixture.NewRoot("report-of-read-only-root"));
        var reportInPlace = await CliRunner.RunAsync("report", "--root", root);
        var prepare = await CliRunner.RunAsync(fixture.Prepare(root));
        SqliteConnection.ClearAllPools();

        Assert.True(status.ExitCode == 0, status.Stdout + status.Stderr);
        Assert.Contains("resize", status.Stdout);
        Assert.True(report.ExitCode == 0, report.Stdout + report.Stderr);
        Assert.True(File.Exists(Path.Combine(fixture.NewRoot("report-of-read-only-root"), "report.html")));
        AssertPlainFatal(reportInPlace, "Read-only file system", "--out DIR");
        AssertPlainFatal(prepare, "Read-only file system", "writable");
        foreach (var command in WritersOf(root).Where(c => c[0] != "prepare"))
            AssertPlainFatal(await CliRunner.RunAsync(command), "writable");
        SqliteConnection.ClearAllPools();

        // Waiting for a lock is for one that another run holds; a root that cannot be written fails at once.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var unwritable = await Assert.ThrowsAsync<WriterLockException>(() =>
            WriterLock.WaitAsync(new KineticsPrep.Dataset.DatasetRoot(root).StateFolder, "annotations", root, patience.Token));
        Assert.False(unwritable.Held);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task While_another_run_holds_the_root_every_writer_is_refused_with_the_lock_message_and_status_and_report_still_read_it()
    {
        var root = RootWithStore("locked-root");
        using var other = WriterLock.ForRoot(new KineticsPrep.Dataset.DatasetRoot(root));

        var status = await CliRunner.RunAsync("status", "--root", root);
        var report = await CliRunner.RunAsync("report", "--root", root, "--out", fixture.NewRoot("report-of-locked-root"));

        Assert.True(status.ExitCode == 0, status.Stdout + status.Stderr);
        Assert.True(report.ExitCode == 0, report.Stdout + report.Stderr);
        foreach (var command in WritersOf(root))
            AssertPlainFatal(await CliRunner.RunAsync(command), $"another kinetics-prep is writing {root}", "Wait for it to finish");
    }
}
