using KineticsPrep.Running;

namespace KineticsPrep.Tests;

/// <summary>The time left, counted in what is known best: the clips inside prepare's archives when their number is known.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class StageProgressTests
{
    [Fact]
    public void With_the_clips_expected_known_the_time_left_counts_clips_not_archives()
    {
        // 1 of 10 archives done but only 50 of 1,000 clips: archives would say 450 s more, clips say 950 s.
        var progress = new StageProgress("archives", 10, 0, 1, 0, 0, 0) { Inner = new InnerCount("clips resized", 50, 0) { Expected = 1000 } };

        Assert.Equal(TimeSpan.FromSeconds(950), progress.TimeLeft(TimeSpan.FromSeconds(50)));
    }

    [Fact]
    public void Without_an_expected_count_the_time_left_counts_items()
    {
        var progress = new StageProgress("archives", 10, 0, 1, 0, 0, 0) { Inner = new InnerCount("clips resized", 50, 0) };

        Assert.Equal(TimeSpan.FromSeconds(450), progress.TimeLeft(TimeSpan.FromSeconds(50)));
    }
}
