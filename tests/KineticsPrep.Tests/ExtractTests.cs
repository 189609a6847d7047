using System.Formats.Tar;
using KineticsPrep.Dataset;
using KineticsPrep.Extract;
using KineticsPrep.State;
using static KineticsPrep.Tests.TestArchives;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class ExtractTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Archive(string split, string name) => _root.Combine("archives", split, name);

    private string[] Videos(string split) =>
        Directory.Exists(_root.Combine("videos", split))
            ? Directory.GetFiles(_root.Combine("videos", split)).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray()
            : [];

    private Task<ExtractSummary> RunAsync(bool deleteArchives = false) =>
        new ExtractRunner(StateStore.Open(new DatasetRoot(_root.Path)), 2, deleteArchives).RunAsync(null, CancellationToken.None);

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_entry_name_too_long_for_the_file_system_is_skipped_and_reported_and_the_rest_is_extracted()
    {
        var longName = new string('x', 260) + "_000001_000011.mp4";
        Write(Archive("train", "part_0.tar.gz"), gzip: true,
            File("a_000001_000011.mp4"), File(longName), File("b_000002_000012.mp4"));

        var summary = await RunAsync();

        var outcome = summary.Outcomes.Single();
        Assert.Equal(ExtractStatus.Extracted, outcome.Status);
        Assert.Equal(["a_000001_000011.mp4", "b_000002_000012.mp4"], Videos("train"));
        Assert.Contains(outcome.Refused, r => r.StartsWith(longName, StringComparison.Ordinal) && r.Contains("bytes long", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Two_entries_of_one_name_keep_the_first_and_report_the_second_instead_of_overwriting()
    {
        Write(Archive("train", "part_0.tar.gz"), gzip: true,
            File("abseiling/a_000001_000011.mp4", "the first"), File("a_000001_000011.mp4", "the second"), File("b_000002_000012.mp4"));

        var summary = await RunAsync();
        var rerun = await new ExtractRunner(StateStore.Open(new DatasetRoot(_root.Path)), 1, false).RunAsync(null, CancellationToken.None);

        Assert.Equal(["a_000001_000011.mp4", "b_000002_000012.mp4"], Videos("train"));
        Assert.Equal("the first", System.IO.File.ReadAllText(_root.Combine("videos", "train", "a_000001_000011.mp4")));
        Assert.Equal(["a_000001_000011.mp4 (another entry of this name came first and is kept)"], summary.Outcomes.Single().Refused);
        Assert.Equal(ExtractStatus.AlreadyDone, rerun.Outcomes.Single().Status);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Nested_folders_are_flattened_and_apple_double_and_non_video_entries_are_skipped()
    {
        Write(Archive("train", "part_0.tar.gz"), gzip: true,
            new Entry("train_256/", TarEntryType.Directory),
            File("train_256/abseiling/a_000001_000011.mp4"),
            File("train_256/abseiling/._a_000001_000011.mp4"),
            File("deeper/still/b_000002_000012.mp4"),
            File("train_256/README.txt"),
            File("with space/clip name with spaces.mp4"));

        var summary = await RunAsync();

        Assert.Equal(["a_000001_000011.mp4", "b_000002_000012.mp4", "clip name with spaces.mp4"], Videos("train"));
        Assert.Equal("clip train_256/abseiling/a_000001_000011.mp4", System.IO.File.ReadAllText(_root.Combine("videos", "train", "a_000001_000011.mp4")));
        var outcome = summary.Outcomes.Single();
        Assert.Equal((ExtractStatus.Extracted, 3, 2), (outcome.Status, outcome.Files, outcome.Skipped));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_plain_tar_named_tar_gz_is_recognised_by_its_bytes_and_extracted()
    {
        Write(Archive("train", "part_120.tar.gz"), gzip: false, File("x/y/c_000003_000013.mp4"));
        var summary = await RunAsync();
        Assert.Equal(["c_000003_000013.mp4"], Videos("train"));
        Assert.Empty(summary.Failures);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Links_devices_and_paths_that_leave_the_target_are_refused_reported_and_never_written()
    {
        Write(Archive("val", "evil.tar.gz"), gzip: true,
            File("../../escaped.mp4"),
            File("/tmp/absolute-escape.mp4"),
            new Entry("link.mp4", TarEntryType.SymbolicLink, LinkName: "/etc/passwd"),
            new Entry("hard.mp4", TarEntryType.HardLink, LinkName: "../../../etc/passwd"),
            new Entry("dev.mp4", TarEntryType.CharacterDevice),
            File("good_000001_000011.mp4"));

        var summary = await RunAsync();

        Assert.Equal(["good_000001_000011.mp4"], Videos("val"));
        Assert.Equal(5, summary.Refused.Count());
        Assert.Contains(summary.Refused, r => r.Entry.StartsWith("../../escaped.mp4 (path leaves", StringComparison.Ordinal));
        Assert.Contains(summary.Refused, r => r.Entry.StartsWith("link.mp4 (SymbolicLink", StringComparison.Ordinal));
        Assert.False(System.IO.File.Exists(_root.Combine("escaped.mp4")) || System.IO.File.Exists("/tmp/absolute-escape.mp4"));
        Assert.Equal([".kinetics-prep", "archives", "videos"], Directory.GetFileSystemEntries(_root.Path).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_entry_whose_name_holds_a_control_character_is_refused_like_a_hostile_list_line()
    {
        Write(Archive("val", "names.tar.gz"), gzip: true, File("val_256/bad\u0001name_000001_000011.mp4"), File("val_256/good_000001_000011.mp4"));

        var summary = await RunAsync();

        Assert.Empty(summary.Failures.Select(f => f.Error));
        Assert.Equal(["good_000001_000011.mp4"], Videos("val"));
        Assert.Equal("val_256/bad\u0001name_000001_000011.mp4 (the name holds a control character)", Assert.Single(summary.Refused).Entry);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_truncated_gzip_is_reported_by_archive_and_entry_and_not_marked_extracted()
    {
        var entries = Enumerable.Range(0, 40).Select(i => File($"clip{i:00}_000001_000011.mp4", new string((char)('a' + i % 26), 20_000))).ToArray();
        Truncate(Write(Archive("test", "part_7.tar.gz"), gzip: true, entries), 0.5);

        var summary = await RunAsync();

        var failure = summary.Failures.Single();
        Assert.Contains("part_7.tar.gz", failure.Error);
        Assert.Matches("entry 'clip[0-9]{2}_000001_000011.mp4'", failure.Error);
        Assert.DoesNotContain(Videos("test"), name => name.EndsWith(".partial", StringComparison.Ordinal));
        Assert.False(StateStore.Open(new DatasetRoot(_root.Path)).IsExtracted("archives/test/part_7.tar.gz"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_truncated_archive_is_no_longer_recorded_as_downloaded_so_the_next_download_fetches_it_anew()
    {
        var entries = Enumerable.Range(0, 40).Select(i => File($"clip{i:00}_000001_000011.mp4", new string((char)('a' + i % 26), 20_000))).ToArray();
        var archive = Truncate(Write(Archive("train", "part_0.tar.gz"), gzip: true, entries), 0.5);
        var store = StateStore.Open(new DatasetRoot(_root.Path));
        store.RecordDownload(new DownloadRecord("archives/train/part_0.tar.gz", "http://mirror/part_0.tar.gz", "train", new FileInfo(archive).Length, "sha"));

        var summary = await RunAsync();

        Assert.Contains("downloaded anew", summary.Failures.Single().Error);
        Assert.Null(store.FindDownload("archives/train/part_0.tar.gz"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_rerun_skips_finished_archives_and_delete_archives_removes_them()
    {
        Write(Archive("train", "part_0.tar.gz"), gzip: true, File("a_000001_000011.mp4"));
        Write(Archive("train", "part_1.tar.gz"), gzip: true, File("b_000001_000011.mp4"));
        await RunAsync();

        var second = await RunAsync(deleteArchives: true);

        Assert.All(second.Outcomes, o => Assert.Equal(ExtractStatus.AlreadyDone, o.Status));
        Assert.Empty(Directory.GetFiles(_root.Combine("archives", "train")));
        Assert.Equal(["a_000001_000011.mp4", "b_000001_000011.mp4"], Videos("train"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_half_extracted_archive_is_completed()
    {
        Write(Archive("train", "part_0.tar.gz"), gzip: true, File("a_000001_000011.mp4"), File("b_000001_000011.mp4"));
        Directory.CreateDirectory(_root.Combine("videos", "train"));
        System.IO.File.WriteAllText(_root.Combine("videos", "train", "a_000001_000011.mp4"), "clip a_000001_000011.mp4");
        System.IO.File.WriteAllText(_root.Combine("videos", "train", "b_000001_000011.mp4.partial"), "clip b_0");

        var summary = await RunAsync();

        Assert.Equal(ExtractStatus.Extracted, summary.Outcomes.Single().Status);
        Assert.Equal(["a_000001_000011.mp4", "b_000001_000011.mp4"], Videos("train").Where(n => !n.EndsWith(".partial", StringComparison.Ordinal)));
        Assert.Equal("clip b_000001_000011.mp4", System.IO.File.ReadAllText(_root.Combine("videos", "train", "b_000001_000011.mp4")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_in_place_of_the_right_size_but_other_bytes_is_written_again_from_the_archive_and_hashed_as_written()
    {
        // What a machine that went down mid-archive can leave: the name and size in place, not the bytes (an archive's
        // clips are flushed to disk together, when it is done).
        Write(Archive("train", "part_0.tar.gz"), gzip: true, File("a_000001_000011.mp4"));
        var clip = _root.Combine("videos", "train", "a_000001_000011.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(clip)!);
        System.IO.File.WriteAllText(clip, new string('\0', "clip a_000001_000011.mp4".Length));

        await RunAsync();

        Assert.Equal("clip a_000001_000011.mp4", System.IO.File.ReadAllText(clip));
        var recorded = StateStore.Open(new DatasetRoot(_root.Path)).SourceClips().Single();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(clip))), recorded.Sha256);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_replacement_archive_goes_to_videos_replacement()
    {
        Write(Archive("replacement", DatasetCatalog.Find("k400")!.ReplacementArchive!), gzip: true, File("replacement/r_000001_000011.mp4"));
        await RunAsync();
        Assert.Equal(["r_000001_000011.mp4"], Videos("replacement"));
    }
}
