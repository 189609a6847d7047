using System.Globalization;
using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class AnnotatorTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Labels_txt_from_the_k400_train_csv_is_the_community_label_map()
    {
        _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        await _f.RunAsync();
        Assert.Equal(
            File.ReadAllLines(Path.Combine(AnnotateFixture.FixtureAnnotations, "label_map_k400.txt")),
            _f.OutLines("labels.txt"));
    }

    [Fact]
    public async Task Quoted_multi_word_labels_get_their_id_and_lines_follow_csv_order_with_only_existing_clips()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        var clips = _f.AddClipsFor(csv, "train", keep: i => i % 3 != 0);

        var report = await _f.RunAsync();

        var lines = _f.OutLines("train.csv");
        Assert.Equal(clips.Select((path, _) => path), lines.Select(l => l.Split(' ')[0]));
        Assert.Contains($"{_f.Videos}/train/_axE99QAhe8_000026_000036.mp4 1", lines); // "air drumming"
        var train = report.Splits.Single();
        Assert.Equal((400, clips.Count, 400 - clips.Count), (train.CsvRows, train.Found, train.Missing));
    }

    [Fact]
    public async Task Missing_clips_are_counted_and_listed_by_name()
    {
        var csv = _f.CopyCsv("k400_tiny_val.csv", "val.csv");
        _f.AddClipsFor(csv, "val", keep: i => i != 0 && i != 5);

        var report = await _f.RunAsync();

        Assert.Equal(2, report.Splits.Single().Missing);
        Assert.Equal(["-3B32lodo2M_000059_000069", AnnotationCsv.Read(csv, "val", null)[5].ClipName], _f.OutLines("missing_val.txt"));
        Assert.Equal(398, _f.OutLines("val.csv").Length);
    }

    [Fact]
    public async Task K600_unquoted_csv_without_a_train_csv_takes_ids_from_all_its_labels()
    {
        var csv = _f.CopyCsv("k600_val_head.csv", "validate.csv");
        _f.AddClipsFor(csv, "val");

        await _f.RunAsync();

        var labels = _f.OutLines("labels.txt");
        Assert.Equal(labels.Order(StringComparer.Ordinal), labels);
        Assert.Equal("abseiling", labels[0]);
        Assert.All(_f.OutLines("val.csv"), line => Assert.InRange(int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture), 0, labels.Length - 1));
        Assert.Equal(50, _f.OutLines("val.csv").Length);
    }

    [Fact]
    public async Task The_old_unlabelled_test_csv_gets_label_minus_one()
    {
        _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        var test = _f.CopyCsv("k400_test_unlabelled_head.csv", "test.csv");
        _f.AddClipsFor(test, "test");

        var report = await _f.RunAsync();

        var lines = _f.OutLines("test.csv");
        Assert.Equal(50, lines.Length);
        Assert.All(lines, line => Assert.EndsWith(" -1", line));
        Assert.StartsWith($"{_f.Videos}/test/--6bJUbfpnQ_000017_000027.mp4 ", lines[0]);
        Assert.Empty(report.Splits.Single(s => s.Split == "test").FewestClips);
    }

    [Fact]
    public async Task Crlf_and_a_bom_give_the_same_lists_as_lf()
    {
        var lf = File.ReadAllText(Path.Combine(AnnotateFixture.FixtureAnnotations, "k400_tiny_train.csv"));
        var csv = _f.WriteCsv("train.csv", "\uFEFF" + lf.Replace("\n", "\r\n"));
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(csv)[..3]);
        _f.AddClipsFor(csv, "train");

        await _f.RunAsync();

        Assert.Equal(File.ReadAllLines(Path.Combine(AnnotateFixture.FixtureAnnotations, "label_map_k400.txt")), _f.OutLines("labels.txt"));
        Assert.Equal(400, _f.OutLines("train.csv").Length);
        Assert.DoesNotContain(_f.OutLines("train.csv"), l => l.Contains('\r'));
    }

    [Fact]
    public async Task Replacement_clips_take_precedence_over_the_originals()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        _f.AddClipsFor(csv, "train");
        var replaced = _f.AddClipsFor(csv, "replacement", keep: i => i < 3);

        var report = await _f.RunAsync();

        Assert.Equal(replaced, _f.OutLines("train.csv").Take(3).Select(l => l.Split(' ')[0]));
        Assert.Equal(3, report.Splits.Single().Replaced);
    }

    [Fact]
    public async Task A_replacement_folder_given_explicitly_is_used_too()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        _f.AddClipsFor(csv, "train");
        var elsewhere = Path.Combine(_f.Root, "fixes");
        var fix = Path.Combine(elsewhere, AnnotationCsv.Read(csv, "train", null)[0].ClipName + ".mp4");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllBytes(fix, []);

        var report = await _f.RunAsync(o => o with { Replacement = elsewhere });

        Assert.StartsWith(fix + " ", _f.OutLines("train.csv")[0]);
        Assert.Equal(1, report.Splits.Single().Replaced);
    }

    [Fact]
    public async Task Clips_in_class_folders_are_found_and_mp4_is_preferred_over_other_extensions()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        _f.AddClipsFor(csv, "train", subfolder: row => row.Label!.Replace(' ', '_'));
        var first = AnnotationCsv.Read(csv, "train", null)[0];
        _f.AddClip("webm-copies", first.ClipName + ".webm");

        await _f.RunAsync();

        var lines = _f.OutLines("train.csv");
        Assert.Equal(400, lines.Length);
        Assert.Equal($"{_f.Videos}/train/abseiling/{first.ClipName}.mp4 0", lines[0]);
        Assert.Equal($"{_f.Videos}/train/air_drumming/_axE99QAhe8_000026_000036.mp4 1", lines[1]);
    }

    [Fact]
    public async Task A_path_with_whitespace_in_a_space_separated_list_is_an_error_that_suggests_csv()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        _f.AddClipsFor(csv, "class folders", subfolder: row => row.Label!);

        var error = await Assert.ThrowsAsync<AnnotationException>(() => _f.RunAsync());
        Assert.Contains("--format csv", error.Message);

        await _f.RunAsync(o => o with { Format = ListFormat.Find("csv")! });
        Assert.Equal(401, _f.OutLines("train.csv").Length);
    }

    [Fact]
    public async Task A_label_missing_from_the_given_map_is_an_error_naming_file_and_line()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        var map = Path.Combine(_f.Root, "map.txt");
        File.WriteAllLines(map, File.ReadAllLines(Path.Combine(AnnotateFixture.FixtureAnnotations, "label_map_k400.txt")).Where(l => l != "air drumming"));

        var error = await Assert.ThrowsAsync<AnnotationException>(() => _f.RunAsync(o => o with { Labels = map }));
        Assert.Contains($"{csv}:3:", error.Message);
        Assert.Contains("air drumming", error.Message);
    }

    [Fact]
    public async Task A_given_id_name_map_with_quotes_sets_the_ids()
    {
        var csv = _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\n\"air drumming\",abc,1,11,train\nabseiling,def,2,12,train\n");
        _f.AddClipsFor(csv, "train");
        var map = Path.Combine(_f.Root, "map.csv");
        File.WriteAllText(map, "0,\"air drumming\"\n1,abseiling\n");

        await _f.RunAsync(o => o with { Labels = map });

        Assert.Equal(["0", "1"], _f.OutLines("train.csv").Select(l => l.Split(' ')[1]));
        Assert.Equal(["air drumming", "abseiling"], _f.OutLines("labels.txt"));
    }

    [Fact]
    public async Task A_malformed_row_is_an_error_naming_file_and_line_unless_bad_rows_are_skipped()
    {
        var csv = _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split,is_cc\nabseiling,abc,1,11,train,0\nabseiling,def,2\nabseiling,ghi,x,13,train,0\nabseiling,jkl,4,14,train,0\n");
        _f.AddClip("train", "abc_000001_000011.mp4");
        _f.AddClip("train", "jkl_000004_000014.mp4");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => _f.RunAsync());
        Assert.Contains($"{csv}:3: expected 6 fields, found 3", error.Message);

        var report = await _f.RunAsync(o => o with { SkipBadRows = true });
        Assert.Equal([3, 4], report.BadRows.Select(r => r.Line));
        Assert.Equal(2, _f.OutLines("train.csv").Length);
    }

    [Fact]
    public async Task Relative_to_writes_paths_relative_to_a_root()
    {
        var csv = _f.CopyCsv("k400_tiny_val.csv", "val.csv");
        _f.AddClipsFor(csv, "val");
        await _f.RunAsync(o => o with { RelativeTo = _f.Videos });
        Assert.Equal("val/-3B32lodo2M_000059_000069.mp4 0", _f.OutLines("val.csv")[0]);
    }

    [Fact]
    public async Task A_class_name_that_would_climb_out_of_the_folders_format_is_refused()
    {
        _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\n..,abcdefghijk,0,10,train\n");
        _f.AddClip("train", "abcdefghijk_000000_000010.mp4");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => _f.RunAsync(o => o with { Format = ListFormat.Find("folders")! }));

        Assert.Contains("class name '..' cannot be a folder of the folders format", error.Message);
        Assert.False(File.Exists(Path.Combine(_f.Out, "abcdefghijk_000000_000010.mp4")));
    }
}
