using static KineticsPrep.Tests.TestArchives;

namespace KineticsPrep.Tests;

public sealed class DownloadCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>Starts a download of the train split and kills it with SIGKILL once its partial file passes 1 MB.</summary>
    private async Task KillOnceMoreThanOneMegabyteIsInAsync(NginxServer nginx, string partial)
    {
        using var process = CliRunner.Start("download", "k400", "--root", _root.Path, "--splits", "train", "--mirror", nginx.Url);
        await CliRunner.WaitUntilAsync(() => System.IO.File.Exists(partial) && new FileInfo(partial).Length > 1_000_000, process);
        Assert.False(process.HasExited, "the download ended before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        // nginx logs a request when its connection ends: the killed one is counted before the rerun, not after it.
        Assert.True(await Wait.UntilAsync(() => nginx.Requests.Any(r => r.StartsWith("GET /400/train/part_0.tar.gz ", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)),
            "nginx never logged the killed download");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_download_killed_midway_resumes_with_a_range_request_from_where_it_stopped_and_ends_byte_identical_to_the_source()
    {
        using var mirror = MirrorTree.K400(archivesPerSplit: 1, clipBytes: 3_000_000, "train");
        using var nginx = new NginxServer(mirror.Path, limitRate: "1m");
        var partial = _root.Combine("archives", "train", "part_0.tar.gz.partial");

        await KillOnceMoreThanOneMegabyteIsInAsync(nginx, partial);
        var keptBytes = new FileInfo(partial).Length;
        Assert.InRange(keptBytes, 1_000_000, new FileInfo(mirror.Archives["train"][0]).Length - 1);

        var requestsBefore = nginx.Requests.Count;
        var rerun = await CliRunner.RunAsync("download", "k400", "--root", _root.Path, "--splits", "train", "--mirror", nginx.Url);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(System.IO.File.ReadAllBytes(mirror.Archives["train"][0]), System.IO.File.ReadAllBytes(_root.Combine("archives", "train", "part_0.tar.gz")));
        Assert.False(System.IO.File.Exists(partial));
        var archiveRequests = nginx.Requests.Skip(requestsBefore).Where(r => r.StartsWith("GET /400/train/part_0.tar.gz ", StringComparison.Ordinal)).ToList();
        var resume = Assert.Single(archiveRequests);
        Assert.StartsWith($"GET /400/train/part_0.tar.gz range=\"bytes={keptBytes}-\" ", resume);
        Assert.DoesNotContain("if-range=\"-\"", resume); // the version the partial file began with
        Assert.EndsWith(" 206", resume);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_archive_replaced_on_the_server_between_a_kill_and_the_resume_ends_as_the_new_file_byte_for_byte()
    {
        using var mirror = MirrorTree.K400(archivesPerSplit: 1, clipBytes: 3_000_000, "train");
        using var nginx = new NginxServer(mirror.Path, limitRate: "1m");
        var partial = _root.Combine("archives", "train", "part_0.tar.gz.partial");
        await KillOnceMoreThanOneMegabyteIsInAsync(nginx, partial);

        // The CVDF replaces files in place (K400's part_120): same name, same size, other bytes, a later date.
        var archive = mirror.Archives["train"][0];
        var replacement = System.Security.Cryptography.RandomNumberGenerator.GetBytes((int)new FileInfo(archive).Length);
        System.IO.File.WriteAllBytes(archive, replacement);
        System.IO.File.SetLastWriteTimeUtc(archive, DateTime.UtcNow.AddMinutes(1));
        var rerun = await CliRunner.RunAsync("download", "k400", "--root", _root.Path, "--splits", "train", "--mirror", nginx.Url);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Equal(replacement, System.IO.File.ReadAllBytes(_root.Combine("archives", "train", "part_0.tar.gz")));
        Assert.Contains($"Note: {nginx.Url}/400/train/part_0.tar.gz: the file changed on the server since its partial download began; starting again from zero", rerun.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Prepare_against_a_mirror_folder_with_nothing_on_it_stops_at_once_with_one_line_and_exit_2()
    {
        using var empty = new TempFolder();

        var run = await CliRunner.RunAsync("prepare", "k600", "--root", _root.Path, "--mirror", empty.Path);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Equal($"kinetics-prep: no file the release needs is there: is --mirror's base path right? (expected {empty.Path}/600/train/k600_train_path.txt, " +
                     "which mirrors https://s3.amazonaws.com/kinetics's tree)", run.Stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(_root.Path, "annotations")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_missing_file_makes_the_exit_code_1_is_listed_and_status_shows_it_until_a_rerun_gets_it()
    {
        using var mirror = MirrorTree.K400(archivesPerSplit: 2, clipBytes: 1000, "val");
        var archive = mirror.Archives["val"][0];
        System.IO.File.Move(archive, archive + ".away");
        string[] download = ["download", "k400", "--root", _root.Path, "--splits", "val", "--mirror", mirror.Path, "--retries", "1"];

        var result = await CliRunner.RunAsync(download);
        var status = await CliRunner.RunAsync("status", "--root", _root.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("part_0.tar.gz", result.Stderr);
        Assert.Contains("failed download: archives/val/part_0.tar.gz: ", status.Stdout);

        System.IO.File.Move(archive + ".away", archive);
        var rerun = await CliRunner.RunAsync(download);
        var statusAfter = await CliRunner.RunAsync("status", "--root", _root.Path);

        Assert.Equal(0, rerun.ExitCode);
        Assert.DoesNotContain("failed", statusAfter.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Extract_reports_refused_entries_with_exit_code_1()
    {
        Write(_root.Combine("archives", "train", "part_0.tar.gz"), true, File("../x.mp4"), File("ok_000001_000011.mp4"));
        var result = await CliRunner.RunAsync("extract", "--root", _root.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Refused in", result.Stderr);
        Assert.True(System.IO.File.Exists(_root.Combine("videos", "train", "ok_000001_000011.mp4")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_unknown_dataset_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("download", "k500", "--root", _root.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("k400, k600, k700-2020", result.Stderr);
    }
}
