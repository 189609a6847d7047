using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

/// <summary>lists/index.csv: a row per listed clip, with the frame count a decoder gives.</summary>
public sealed class ClipIndexTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string Clip(string name, params string[] encode) =>
        Media.MakeClip(Path.Combine(_f.Videos, "train", name), 320, 240, seconds: 3, fps: 10, encode);

    private async Task<IReadOnlyList<ClipFacts>> IndexAsync(params string[] clipNames)
    {
        var rows = clipNames.Select(n => $"abseiling,{n[..11]},{int.Parse(n[12..18])},{int.Parse(n[19..25])},train,0");
        _f.WriteCsv("train.csv", string.Join('\n', ["label,youtube_id,time_start,time_end,split,is_cc", .. rows]) + "\n");
        var report = await _f.RunAsync(o => o with { Check = false }, Media.Tools);
        Assert.Equal(clipNames.Length, report.Splits.Single().Found);
        return ClipIndexFile.Read(_f.Out);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_mp4_is_indexed_from_its_headers_with_the_frames_that_decode()
    {
        var path = Clip("aaaaaaaaaaa_000000_000003.mp4", "-c:v", "libx264", "-g", "12");
        var row = Assert.Single(await IndexAsync(Path.GetFileName(path)));

        var decoded = Media.Inspect(path);
        Assert.Equal(path, row.Path);
        Assert.Equal(("train", 0), (row.Split, row.LabelId));
        Assert.Equal(decoded.Frames, row.Frames);
        Assert.Equal(30, row.Frames);
        Assert.Equal(10, row.Fps!.Value, precision: 2);
        Assert.Equal(3, row.Duration!.Value, precision: 2);
        Assert.Equal((320, 240), (row.Width, row.Height));
        Assert.Equal(new FileInfo(path).Length, row.Bytes);
        Assert.Equal(12, row.MaxKeyframeInterval);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_in_another_container_is_indexed_by_ffprobe_with_the_same_facts()
    {
        var path = Clip("bbbbbbbbbbb_000000_000003.mkv", "-c:v", "libx264", "-g", "7");
        var row = Assert.Single(await IndexAsync(Path.GetFileNameWithoutExtension(path)));

        Assert.Equal(Media.Inspect(path).Frames, row.Frames);
        Assert.Equal(30, row.Frames);
        Assert.Equal((320, 240), (row.Width, row.Height));
        Assert.Equal(7, row.MaxKeyframeInterval);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_cut_without_re_encoding_counts_only_the_frames_its_edit_list_shows()
    {
        var whole = Media.MakeClip(_f.Root + "/whole.mp4", 320, 240, seconds: 4, fps: 10, "-c:v", "libx264", "-g", "40");
        var path = Path.Combine(_f.Videos, "train", "ccccccccccc_000001_000004.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-ss", "1.5", "-i", "file:" + whole, "-c", "copy", "file:" + path]);
        var decoded = Media.Inspect(path).Frames;
        Assert.InRange(decoded, 20, 29); // the cut starts between keyframes, so the file holds frames it does not show

        var row = Assert.Single(await IndexAsync(Path.GetFileNameWithoutExtension(path)));
        Assert.Equal(decoded, row.Frames);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_mp4_whose_sample_table_claims_more_than_it_holds_keeps_its_row_and_the_run_goes_on()
    {
        var path = Clip("eeeeeeeeeee_000000_000003.mp4", "-c:v", "libx264", "-g", "12");
        var bytes = File.ReadAllBytes(path);
        var stts = bytes.AsSpan().IndexOf("stts"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(stts + 8), 0x7FFFFFFF); // its entry count
        File.WriteAllBytes(path, bytes);

        Assert.Null(KineticsPrep.Media.VideoTrack.ReadMp4(path));
        Assert.Null(KineticsPrep.Media.Mp4Header.Probe(path));
        var row = Assert.Single(await IndexAsync(Path.GetFileName(path)));
        Assert.Equal(bytes.Length, row.Bytes);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_empty_clip_keeps_its_row_with_zero_bytes_and_no_facts()
    {
        _f.AddClip("train", "ddddddddddd_000000_000003.mp4");
        var row = Assert.Single(await IndexAsync("ddddddddddd_000000_000003"));
        Assert.Equal((0L, null, null), (row.Bytes, row.Frames, row.Width));
    }
}
