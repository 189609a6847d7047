using KineticsPrep.Pipeline;

namespace KineticsPrep.Tests;

public sealed class PrepareProgressTests
{
    [Fact]
    public void The_eta_comes_from_the_archives_this_run_finished_not_those_done_before_it()
    {
        var progress = new PrepareProgress(Archives: 10, ArchivesDoneAtStart: 2, ArchivesDone: 4, ClipsDone: 90, ClipsFailed: 0,
            BytesDownloaded: 300_000_000, Current: "archives/train/part_4.tar.gz");
        var elapsed = TimeSpan.FromMinutes(1);

        Assert.Equal(TimeSpan.FromMinutes(3), progress.TimeLeft(elapsed));
        Assert.Equal(1.5, progress.ClipsPerSecond(elapsed));
        Assert.Equal(5_000_000, progress.BytesPerSecond(elapsed));
    }

    [Fact]
    public void There_is_no_eta_before_the_first_archive_of_the_run_is_done()
    {
        Assert.Null(PrepareProgress.None.TimeLeft(TimeSpan.FromMinutes(1)));
        Assert.Null((PrepareProgress.None with { Archives = 5, ArchivesDoneAtStart = 3, ArchivesDone = 3 }).TimeLeft(TimeSpan.FromMinutes(1)));
    }
}
