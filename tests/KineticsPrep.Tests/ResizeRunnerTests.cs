using KineticsPrep.Media;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

public sealed class ResizeRunnerTests(ResizeCorpus corpus) : IClassFixture<ResizeCorpus>
{
    [Theory]
    [InlineData("odd/wide_000001_000011.mp4", 568, 320, 10)]
    [InlineData("odd/four-three.mp4", 426, 320, 10)]
    [InlineData("odd/portrait.mp4", 320, 570, 10)]
    [InlineData("odd/phone.mp4", 320, 568, 10)]
    [InlineData("small/small.mp4", 240, 180, 10)]
    [InlineData("small/with-audio.mp4", 400, 300, 10)]
    [InlineData("folder with spaces/-dashid_000001_000011.mp4", 568, 320, 10)]
    [InlineData("folder with spaces/ünï 'single' \"double\" $HOME.mp4", 568, 320, 10)]
    [InlineData("fixtures/decord_video_90_rotated.mp4", 320, 568, 3)]
    [InlineData("fixtures/mmaction2_demo_k400_armwrestling.mp4", 426, 256, 280)]
    [InlineData("fixtures/mmaction2_test.mp4", 320, 240, 164)]
    [InlineData("fixtures/moviepy_no_duration_vp9.mp4", 568, 320, 74)]
    public void Each_clip_gets_its_displayed_short_side_scaled_with_every_frame_kept(
        string output, int width, int height, int frames)
    {
        var facts = Media.Inspect(corpus.Dst(output.Split('/')));
        Assert.Equal((width, height, frames), (facts.Width, facts.Height, facts.Frames));
        Assert.Equal("h264", facts.VideoCodec);
        Assert.Equal(0, facts.Rotation);
        Assert.Null(facts.AudioCodec);
    }

    [Fact]
    public void A_small_h264_clip_is_copied_rather_than_encoded_again()
    {
        Assert.Equal(2, corpus.Summary.Copied);
        Assert.Equal(File.ReadAllBytes(corpus.Src("small", "small.mp4")).Length,
            new FileInfo(corpus.Dst("small", "small.mp4")).Length, tolerance: 2048);
    }

    [Fact]
    public void Bad_inputs_are_reported_with_a_reason_while_the_others_are_done()
    {
        Assert.Equal(ResizeCorpus.BadClips, corpus.Summary.Failures.Select(f => Path.GetFileName(f.Job.SourcePath)));
        Assert.All(corpus.Summary.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.All(corpus.Summary.Failures, f => Assert.DoesNotContain('\n', f.Reason!));
        Assert.Equal(12, corpus.Summary.Encoded + corpus.Summary.Copied);
        Assert.All(ResizeCorpus.BadClips, bad => Assert.False(File.Exists(corpus.Dst("bad", Path.ChangeExtension(bad, ".mp4")))));
    }

    [Theory]
    [InlineData("empty.mp4", "empty file")]
    [InlineData("text.mp4", "Invalid data found")]
    [InlineData("truncated.mp4", "moov atom not found")]
    [InlineData("truncated-faststart.mp4", "truncated")]
    [InlineData("audio-only.m4v", "no video stream")]
    public void The_reason_says_what_is_wrong_with_the_clip(string clip, string expected)
    {
        var failure = corpus.Summary.Failures.Single(f => Path.GetFileName(f.Job.SourcePath) == clip);
        Assert.Contains(expected, failure.Reason);
    }

    [Fact]
    public void The_failure_log_lists_every_failed_clip_with_its_command()
    {
        Assert.Equal(
            corpus.Summary.Failures.Select(f => f.Job.SourcePath),
            corpus.FailureLogEntries.Select(e => e.Source));
        Assert.Contains(corpus.FailureLogEntries, e => e.Command?.Contains("ffmpeg", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void No_partial_file_is_left_behind() =>
        Assert.Empty(Directory.GetFiles(corpus.Destination, "*.partial", SearchOption.AllDirectories));

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_run_skips_finished_outputs_without_running_ffprobe_or_ffmpeg()
    {
        // Tools that always fail: any clip the second run touched would come back as a failure.
        var broken = new MediaTools("/bin/false", "/bin/false");
        var summary = await new ResizeRunner(broken, new ResizeOptions())
            .RunAsync(corpus.Source, corpus.Destination, null, CancellationToken.None);

        Assert.Equal(12, summary.AlreadyDone);
        Assert.Equal(0, summary.Encoded + summary.Copied);
        Assert.Equal(ResizeCorpus.BadClips.Length, summary.Failures.Count);
    }
}
