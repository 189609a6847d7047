using KineticsPrep.Dataset;
using KineticsPrep.Media;
using KineticsPrep.Resize;
using KineticsPrep.State;
using KineticsPrep.Verify;

namespace KineticsPrep.Tests;

/// <summary>
/// What each clip costs in processes, counted by wrappers around the real ffmpeg and ffprobe: starting one costs more
/// than resizing or checking a short clip.
/// </summary>
public sealed class ProcessCountTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly MediaTools _counted;

    public ProcessCountTests()
    {
        _counted = new MediaTools(Wrapper("ffmpeg", Media.Tools.FFmpegPath), Wrapper("ffprobe", Media.Tools.FFprobePath)) { Version = Media.Tools.Version };
    }

    public void Dispose() => _temp.Dispose();

    private string Wrapper(string name, string real) =>
        _temp.Script(Path.Combine("bin", name), $"#!/bin/sh\necho started >> '{Log(name)}'\nexec '{real}' \"$@\"\n");

    private string Log(string name) => _temp.Combine(name + ".log");

    private int Started(string name) => File.Exists(Log(name)) ? File.ReadAllLines(Log(name)).Length : 0;

    private string[] Clips(string folder, int count, string extension = "mp4") =>
        Enumerable.Range(0, count).Select(i => Media.MakeClip(_temp.Combine(folder, $"clip{i:00000000}_000000_000001.{extension}"), 480, 360, 0.5, 25)).ToArray();

    [Fact(Timeout = Timeouts.Process)]
    public async Task Resizing_h264_mp4s_starts_one_ffmpeg_per_batch_and_no_ffprobe()
    {
        Clips("src", 3);
        Clips(Path.Combine("src", "other"), 1, "mkv");

        var summary = await new ResizeRunner(_counted, new ResizeOptions { Workers = 2 }).RunAsync(_temp.Combine("src"), _temp.Combine("out"), null, CancellationToken.None);

        Assert.Empty(summary.Failures);
        Assert.Equal(4, Directory.GetFiles(_temp.Combine("out"), "*.mp4", SearchOption.AllDirectories).Length);
        Assert.Equal(2, Started("ffmpeg")); // 4 clips shared between 2 workers
        Assert.Equal(1, Started("ffprobe")); // the mkv
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Verifying_many_mp4s_starts_one_ffmpeg_per_batch_and_no_ffprobe()
    {
        var clips = Clips("clips", 6);

        var results = (await new VerifyRunner(_counted, full: false, workers: 1, state: null, root: null).RunAsync(clips, null, CancellationToken.None)).Results;

        Assert.All(results, r => Assert.True(r.Ok, r.Reason));
        Assert.Equal((1, 0), (Started("ffmpeg"), Started("ffprobe")));
        Assert.All(results, r => Assert.Equal((480, 360, "h264"), (r.Width, r.Height, r.Codec)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_bad_clip_in_a_batch_is_found_and_named_and_the_good_ones_pass()
    {
        var clips = Clips("clips", 6);
        var bad = clips[3];
        File.WriteAllBytes(bad, File.ReadAllBytes(bad)[..2000]);

        var results = (await new VerifyRunner(_counted, full: true, workers: 1, state: null, root: null).RunAsync(clips, null, CancellationToken.None)).Results;

        Assert.Equal([bad], results.Where(r => !r.Ok).Select(r => r.Path));
        Assert.False(string.IsNullOrWhiteSpace(results.Single(r => !r.Ok).Reason));
        Assert.Equal(5, results.Count(r => r.Ok));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_verify_of_a_root_decodes_only_clips_changed_since_and_all_decodes_every_one()
    {
        var clips = Clips(Path.Combine("videos_320p", "train"), 4);
        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        VerifyRunner Runner(bool full = false, bool all = false) => new(_counted, full, workers: 1, store, _temp.Path) { All = all };

        var first = await Runner().RunAsync(clips, null, CancellationToken.None);
        var decodesOfFirst = Started("ffmpeg");
        var second = await Runner().RunAsync(clips, null, CancellationToken.None);
        var decodesOfSecond = Started("ffmpeg") - decodesOfFirst;
        // The same bytes written again with the old modification time: only the ctime tells.
        var touched = clips[2];
        var modified = File.GetLastWriteTimeUtc(touched);
        File.WriteAllBytes(touched, File.ReadAllBytes(touched));
        File.SetLastWriteTimeUtc(touched, modified);
        var third = await Runner().RunAsync(clips, null, CancellationToken.None);
        var decodesOfThird = Started("ffmpeg") - decodesOfFirst;
        var fourth = await Runner(all: true).RunAsync(clips, null, CancellationToken.None);
        var fifth = await Runner(full: true).RunAsync(clips, null, CancellationToken.None);

        Assert.Equal((0, 4), (first.Unchanged, first.Results.Count(r => r.Ok)));
        Assert.Equal((0, 4, 4), (decodesOfSecond, second.Unchanged, second.Results.Count(r => r.Ok)));
        Assert.Equal((1, 3, 4), (decodesOfThird, third.Unchanged, third.Results.Count(r => r.Ok)));
        Assert.Equal((0, 4), (fourth.Unchanged, fourth.Results.Count));
        Assert.Equal(0, fifth.Unchanged); // a plain verify's result does not stand in for decoding every frame
    }


    [Fact(Timeout = Timeouts.Process)]
    public async Task A_contact_sheet_of_many_classes_starts_one_ffmpeg_per_batch_and_a_bad_clip_leaves_out_only_its_class()
    {
        var clips = Clips("clips", 6);
        File.WriteAllBytes(clips[4], File.ReadAllBytes(clips[4])[..600]);
        var labels = Enumerable.Range(0, 6).Select(i => $"class {i}").ToList();
        var facts = clips.Select((clip, i) => new ClipFacts(clip, "train", i, 12, 25, 0.5, 480, 360, new FileInfo(clip).Length, 12)).ToList();

        var whole = await KineticsPrep.Report.ContactSheetMaker.MakeAsync(new DatasetRoot(_temp.Path), labels, facts.Where((_, i) => i != 4).ToList(), _counted, 1, CancellationToken.None);
        var startedForWhole = Started("ffmpeg");
        var withBad = await KineticsPrep.Report.ContactSheetMaker.MakeAsync(new DatasetRoot(_temp.Path), labels, facts, _counted, 1, CancellationToken.None);

        Assert.Equal(["class 0", "class 1", "class 2", "class 3", "class 5"], whole.Thumbnails.Select(t => t.Label));
        Assert.Equal(1, startedForWhole);
        Assert.Equal(["class 0", "class 1", "class 2", "class 3", "class 5"], withBad.Thumbnails.Select(t => t.Label));
        Assert.Equal(1, withBad.LeftOut);
        Assert.Equal(1 + 6, Started("ffmpeg") - startedForWhole); // the batch, then each clip of it on its own
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_contact_sheet_of_a_root_takes_its_thumbnails_from_the_first_and_takes_a_changed_clip_again()
    {
        var clips = Clips(Path.Combine("videos_320p", "train"), 3);
        var root = new DatasetRoot(_temp.Path);
        Directory.CreateDirectory(root.StateFolder);
        var labels = new[] { "class 0", "class 1", "class 2" };
        var facts = clips.Select((clip, i) => new ClipFacts(clip, "train", i, 12, 25, 0.5, 480, 360, new FileInfo(clip).Length, 12)).ToList();
        Task<KineticsPrep.Report.ContactSheet> Sheet() => KineticsPrep.Report.ContactSheetMaker.MakeAsync(root, labels, facts, _counted, 1, CancellationToken.None);

        var first = await Sheet();
        var afterFirst = Started("ffmpeg");
        var second = await Sheet();
        var afterSecond = Started("ffmpeg");
        File.SetLastWriteTimeUtc(clips[1], DateTime.UtcNow.AddMinutes(-5));
        var third = await Sheet();

        Assert.Equal(3, first.Thumbnails.Count);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(first.Thumbnails.Select(t => Convert.ToHexString(t.Jpeg)), second.Thumbnails.Select(t => Convert.ToHexString(t.Jpeg)));
        Assert.Equal(afterSecond + 1, Started("ffmpeg"));
        Assert.Equal(3, third.Thumbnails.Count);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(root.StateFolder, "thumbnails")).Length);
    }
}
