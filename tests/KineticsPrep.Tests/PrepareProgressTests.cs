using KineticsPrep.Cli.Commands.Prepare;
using KineticsPrep.IO;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class PrepareProgressTests
{
    [Fact]
    public void The_eta_comes_from_the_archives_this_run_finished_not_those_done_before_it()
    {
        var progress = new StageProgress("archives", Items: 8, AlreadyDone: 2, Done: 2, Failed: 0, Amount: 0, AmountDone: 300_000_000)
        {
            Current = "archives/train/part_4.tar.gz",
            Inner = new InnerCount("clips resized", 90, 0),
        };
        var elapsed = TimeSpan.FromMinutes(1);

        Assert.Equal(TimeSpan.FromMinutes(3), progress.TimeLeft(elapsed));
        var frame = PrepareCommand.Frame(progress, elapsed);
        Assert.Equal("4/10 archives", frame.Counts);
        Assert.Equal($"90 clips resized (1.5 clips/s), 0 failed, {Bytes.Format(300_000_000)} downloaded ({Bytes.Format(5_000_000)}/s)", frame.Stats);
    }

    [Fact]
    public void There_is_no_eta_before_the_first_archive_of_the_run_is_done()
    {
        Assert.Null((StageProgress.None("archives") with { Items = 2, AlreadyDone = 3 }).TimeLeft(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Status_rates_run_from_the_first_to_the_last_finished_archive_and_merge_across_shards()
    {
        var start = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        var shards = new[]
        {
            new StageCount("download", "train", 10, 2, 0, 2_000, start, start.AddSeconds(10)),
            new StageCount("download", "train", 10, 1, 0, 1_000, start.AddSeconds(5), start.AddSeconds(5)),
        };

        var merged = Assert.Single(StageCount.Merge(shards));

        Assert.Equal((20, 3, 3_000L), (merged.Planned, merged.Done, merged.Amount));
        Assert.Equal(200, merged.PerSecond); // the two archives after the first: 2,000 bytes in 10 s
        Assert.Equal(TimeSpan.FromSeconds(85), merged.TimeLeft); // 17 archives left at 5 s each
        Assert.Null(shards[1].PerSecond);
        Assert.Equal(TimeSpan.Zero, (merged with { Done = 20 }).TimeLeft);
    }
}
