using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.State;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.Tests;

/// <summary>
/// The one shape of a command that writes (Cli/Writing/WritingCommand): a refusal before any side effect, one writer
/// per root, and commands that only read never write.
/// </summary>
[Collection(PrepareCollection.Name)]
public sealed class WritingCommandTests(PrepareFixture fixture)
{
    /// <summary>Every file and folder under <paramref name="folder"/>, with its bytes' hash and modification time.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
            return entries;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(folder, entry);
            // A lock file is empty, and a held one cannot be read here (.NET takes a shared flock to read a file). SQLite's
            // -shm file is the WAL's index in shared memory, which every reader of the store (status, too) rewrites.
            entries[key] = entry.EndsWith(".lock", StringComparison.Ordinal) ? "lock"
                : entry.EndsWith("-shm", StringComparison.Ordinal) ? "shared memory"
                : File.Exists(entry)
                ? $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry)))} {File.GetLastWriteTimeUtc(entry).Ticks}"
                : "folder";
        }
        return entries;
    }

    public static TheoryData<string, string[]> RefusedPrepares() => new()
    {
        { "--shard-count must be at least 1", ["--shard-count", "-1"] },
        { "--shard-count must be at least 1", ["--shard-count", "0"] },
        { "is not a shard", ["--shard", "3/2"] },
        { "unknown split(s) training", ["--splits", "training"] },
        { "--max-per-class must be a positive whole number", ["--max-per-class", "0"] },
    };

    [Theory(Timeout = Timeouts.Process)]
    [MemberData(nameof(RefusedPrepares))]
    public async Task A_refused_prepare_exits_2_and_leaves_no_folder_where_the_root_would_be_and_an_existing_root_byte_identical(string message, string[] options)
    {
        var fresh = fixture.NewRoot($"refused-{Guid.NewGuid():N}");
        var existing = fixture.CopyOfReference($"refused-existing-{Guid.NewGuid():N}");
        var before = Snapshot(existing);

        var intoFresh = await CliRunner.RunAsync(fixture.Prepare(fresh, options));
        var intoExisting = await CliRunner.RunAsync(fixture.Prepare(existing, options));

        foreach (var run in new[] { intoFresh, intoExisting })
        {
            Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
            Assert.Contains(message, run.Stderr);
        }
        Assert.False(Directory.Exists(fresh), "a refused prepare made the root's folder");
        Assert.Equal(before, Snapshot(existing));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Prepare_k710_with_classes_is_refused_before_a_folder_or_store_is_made()
    {
        var fresh = fixture.NewRoot("refused-k710-classes");

        var run = await CliRunner.RunAsync("prepare", "k710", "--root", fresh, "--mirror", fixture.Nginx.Url, "--classes", "abseiling");

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains("--classes and --max-per-class are not available for k710", run.Stderr);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_export_webdataset_while_another_run_holds_the_root_is_refused_with_the_lock_message_and_writes_nothing()
    {
        var root = fixture.CopyOfReference("export-twice");
        using var first = WriterLock.ForRoot(new DatasetRoot(root));

        var second = await CliRunner.RunAsync("export", "webdataset", "--root", root);

        Assert.True(second.ExitCode == 2, second.Stdout + second.Stderr);
        Assert.Contains($"another kinetics-prep is writing {root} (PID {Environment.ProcessId}", second.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, "webdataset")));
    }

    public static TheoryData<string[]> WritersOfARoot() => new()
    {
        { ["export", "webdataset", "--root", "ROOT"] },
        { ["export", "rawframes", "--root", "ROOT"] },
        { ["verify", "--root", "ROOT"] },
        { ["verify", "--root", "ROOT", "--fix-lists"] },
        { ["annotate", "--root", "ROOT"] },
        { ["extract", "--root", "ROOT"] },
        { ["resize", "ROOT/videos_320p", "ROOT/videos_160p", "--short-side", "160"] },
    };

    [Theory(Timeout = Timeouts.Process)]
    [MemberData(nameof(WritersOfARoot))]
    public async Task Every_writing_command_is_refused_while_a_process_holds_only_the_os_lock_of_the_root(string[] command)
    {
        var root = fixture.CopyOfReference($"flock-{command[0]}-{Guid.NewGuid():N}");
        TestArchives.Write(Path.Combine(root, "archives", "train", "part_0.tar.gz"), gzip: true, TestArchives.File("a_000001_000011.mp4"));
        var before = Snapshot(root);
        using var holder = OsLockHolder.Start(new DatasetRoot(root).StateFile(StateStore.DefaultName).Replace(".db", ".lock", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(command.Select(a => a.Replace("ROOT", root, StringComparison.Ordinal)).ToArray());

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains($"another kinetics-prep is writing {root}", run.Stderr);
        Assert.Equal(before, Snapshot(root));
    }

    /// <summary>The store as an older kinetics-prep left it: schema 4, before the rawframes table and the verified clips' sizes.</summary>
    private static void MakeOld(string root)
    {
        var store = new DatasetRoot(root).StateFile(StateStore.DefaultName);
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE verified DROP COLUMN bytes; ALTER TABLE verified DROP COLUMN modified_ticks; ALTER TABLE verified DROP COLUMN changed_ticks; ALTER TABLE verified DROP COLUMN full; " +
                                  "DROP TABLE rawframes; DROP TABLE commit_count; DROP TABLE listed; DROP TABLE resized_changes; DROP TRIGGER resized_inserted; DROP TRIGGER resized_updated; DROP TRIGGER resized_deleted; " +
                                  "PRAGMA user_version = 4; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        foreach (var leftover in Directory.GetFiles(Path.GetDirectoryName(store)!, "state.db-*"))
            File.Delete(leftover);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_and_report_on_an_old_store_change_no_byte_say_to_run_prepare_and_prepare_then_upgrades_it()
    {
        var root = fixture.CopyOfReference("old-store");
        MakeOld(root);
        var before = Snapshot(root);

        var status = await CliRunner.RunAsync("status", "--root", root);
        var report = await CliRunner.RunAsync("report", "--root", root, "--out", fixture.NewRoot("old-store-report"));
        var unchanged = Snapshot(root);
        var prepare = await CliRunner.RunAsync(fixture.Prepare(root));
        var statusAfter = await CliRunner.RunAsync("status", "--root", root);

        Assert.Equal(before, unchanged);
        foreach (var run in new[] { status, report })
        {
            Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
            Assert.Contains("was written by an older kinetics-prep (state schema 4", run.Stderr);
            Assert.Contains("Run prepare", run.Stderr);
        }
        Assert.True(prepare.ExitCode == 0, prepare.Stdout + prepare.Stderr);
        Assert.True(statusAfter.ExitCode == 0, statusAfter.Stdout + statusAfter.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_and_report_on_a_read_only_copy_of_an_old_root_change_no_byte()
    {
        var root = fixture.CopyOfReference("old-store-read-only");
        MakeOld(root);
        var before = Snapshot(root);
        SqliteConnection.ClearAllPools();

        CliRunner.Result status, report;
        using (new ReadOnlyMount(root))
        {
            status = await CliRunner.RunAsync("status", "--root", root);
            report = await CliRunner.RunAsync("report", "--root", root, "--out", fixture.NewRoot("old-read-only-report"));
            SqliteConnection.ClearAllPools();
        }

        Assert.Equal(before, Snapshot(root));
        foreach (var run in new[] { status, report })
        {
            Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
            Assert.Contains("was written by an older kinetics-prep", run.Stderr);
        }
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Annotate_of_a_root_whose_csvs_list_one_clip_in_two_splits_lists_it_in_both_without_a_stack_trace()
    {
        var root = fixture.CopyOfReference("one-clip-two-splits");
        var trainRow = File.ReadAllLines(Path.Combine(root, "annotations", "train.csv"))[1];
        File.AppendAllText(Path.Combine(root, "annotations", "val.csv"), trainRow + "\n");
        var clip = trainRow.Split(',')[1];

        var run = await CliRunner.RunAsync("annotate", "--root", root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.DoesNotContain("unexpected error", run.Stderr);
        Assert.Contains(File.ReadAllLines(Path.Combine(root, "lists", "train.csv")), line => line.Contains(clip, StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(root, "lists", "val.csv")), line => line.Contains(clip, StringComparison.Ordinal));
    }
}
