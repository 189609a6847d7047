using KineticsPrep.Media;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

/// <summary>Several clips made by one ffmpeg: the same bytes as each made alone, and a bad clip among them costs only itself.</summary>
public sealed class ClipBatchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The real ffmpeg behind a script that logs how many inputs each run has, one line per run.</summary>
    private MediaTools CountingTools() => Media.Tools with
    {
        FFmpegPath = _temp.Script("bin/ffmpeg", $$"""
            #!/bin/sh
            printf '%s\n' "$@" | grep -c '^-i$' >>'{{_temp.Combine("runs")}}'
            exec '{{Media.Tools.FFmpegPath}}' "$@"
            """),
    };

    private IReadOnlyList<int> InputsPerRun() =>
        File.Exists(_temp.Combine("runs")) ? File.ReadAllLines(_temp.Combine("runs")).Select(int.Parse).ToList() : [];

    private ResizeJob Job(string clip, string folder) =>
        new(_temp.Combine("src", clip), _temp.Combine(folder, Path.ChangeExtension(clip, ".mp4")), new FileInfo(_temp.Combine("src", clip)).Length);

    [Fact(Timeout = Timeouts.Process)]
    public async Task Clips_made_by_one_ffmpeg_are_byte_identical_to_each_made_by_an_ffmpeg_of_its_own()
    {
        string[] clips = ["wide.mp4", "portrait.mp4", "four-three.mp4"];
        Media.MakeClip(_temp.Combine("src", clips[0]), 640, 360, 2, 25);
        Media.MakeClip(_temp.Combine("src", clips[1]), 360, 640, 2, 25, "-vf", "hue=H=1");
        Media.MakeClip(_temp.Combine("src", clips[2]), 480, 360, 3, 30, "-vf", "hue=H=2");
        var resizer = new ClipResizer(CountingTools(), new ResizeOptions());

        var together = await resizer.ResizeAsync(clips.Select(c => Job(c, "together")).ToList(), CancellationToken.None);
        Assert.Equal([3], InputsPerRun());
        foreach (var clip in clips)
            Assert.Equal(ClipStatus.Encoded, (await resizer.ResizeAsync(Job(clip, "alone"), CancellationToken.None)).Status);

        Assert.All(together, outcome => Assert.Equal(ClipStatus.Encoded, outcome.Status));
        Assert.Equal([3, 1, 1, 1], InputsPerRun());
        Assert.All(clips, clip => Assert.Equal(
            File.ReadAllBytes(_temp.Combine("alone", Path.ChangeExtension(clip, ".mp4"))),
            File.ReadAllBytes(_temp.Combine("together", Path.ChangeExtension(clip, ".mp4")))));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_truncated_clip_among_others_is_made_again_alone_and_fails_with_its_own_reason_while_the_others_are_kept()
    {
        Media.MakeClip(_temp.Combine("src", "a.mp4"), 640, 360, 3);
        Media.Truncate(Media.MakeClip(_temp.Combine("src", "cut.mp4"), 640, 360, 3, 10, "-movflags", "+faststart"));
        Media.MakeClip(_temp.Combine("src", "b.mp4"), 640, 360, 3);
        var resizer = new ClipResizer(CountingTools(), new ResizeOptions());

        var outcomes = await resizer.ResizeAsync([Job("a.mp4", "out"), Job("cut.mp4", "out"), Job("b.mp4", "out")], CancellationToken.None);

        Assert.Equal([ClipStatus.Encoded, ClipStatus.Failed, ClipStatus.Encoded], outcomes.Select(o => o.Status));
        Assert.Contains("truncated", outcomes[1].Reason);
        Assert.False(outcomes[1].Transient);
        Assert.Equal([3, 1], InputsPerRun());
        Assert.Equal(["a.mp4", "b.mp4"], Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Clips_too_large_to_decode_together_get_an_ffmpeg_each()
    {
        Media.MakeClip(_temp.Combine("src", "a.mp4"), 1920, 1080, 0.3);
        Media.MakeClip(_temp.Combine("src", "b.mp4"), 1920, 1080, 0.3);
        var resizer = new ClipResizer(CountingTools(), new ResizeOptions());

        var outcomes = await resizer.ResizeAsync([Job("a.mp4", "out"), Job("b.mp4", "out")], CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.Equal(ClipStatus.Encoded, outcome.Status));
        Assert.Equal([1, 1], InputsPerRun());
    }
}
