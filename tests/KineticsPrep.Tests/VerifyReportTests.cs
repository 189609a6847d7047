using System.Text.Json;
using System.Text.RegularExpressions;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Tests;

[Collection(PrepareCollection.Name)]
public sealed class VerifyReportTests(PrepareFixture fixture)
{
    [Fact(Timeout = Timeouts.Process)]
    public async Task Verify_lists_unreadable_clips_with_reasons_records_them_and_fix_lists_drops_them()
    {
        var root = fixture.CopyOfReference("verify");
        var broken = Path.Combine(root, "videos_320p", "train", "demo0000004_000040_000050.mp4");
        Media.Truncate(broken);
        var empty = Path.Combine(root, "videos_320p", "val", "demo0000009_000020_000030.mp4");
        File.WriteAllBytes(empty, []);

        var result = await CliRunner.RunAsync("verify", "--root", root, "--fix-lists");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("16 clips checked, 2 unreadable", result.Stdout);
        Assert.Contains("videos_320p/train/demo0000004_000040_000050.mp4: ", result.Stderr);
        Assert.Contains("empty file", result.Stderr);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(root, "lists", "train.csv")), l => l.StartsWith(broken + " ", StringComparison.Ordinal));
        Assert.Equal(8, File.ReadAllLines(Path.Combine(root, "lists", "train.csv")).Length);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(root, "lists", "val.csv")).Length);
        var recorded = StateStore.Open(new DatasetRoot(root)).VerifiedClips();
        Assert.Equal(16, recorded.Count);
        Assert.Equal((426, 320, "h264"), recorded.Where(v => v.Ok).Select(v => (v.Width!.Value, v.Height!.Value, v.Codec!)).Distinct().Single());
        Assert.Equal(15.0, recorded.First(v => v.Ok).Fps!.Value, 3);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Verify_root_names_a_listed_clip_deleted_by_hand_exits_1_and_fix_lists_drops_it()
    {
        var root = fixture.CopyOfReference("verify-deleted");
        var deleted = Path.Combine(root, "videos_320p", "val", "demo0000009_000020_000030.mp4");
        File.Delete(deleted);

        var result = await CliRunner.RunAsync("verify", "--root", root);
        var fixing = await CliRunner.RunAsync("verify", "--root", root, "--fix-lists");
        var after = await CliRunner.RunAsync("verify", "--root", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("15 clips checked, 0 unreadable", result.Stdout);
        Assert.Contains("1 listed clip not on disk.", result.Stdout);
        Assert.Contains($"  {deleted}: listed in lists/val.csv, not on disk", result.Stderr);
        Assert.Equal(1, fixing.ExitCode);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(root, "lists", "val.csv")), l => l.StartsWith(deleted + " ", StringComparison.Ordinal));
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_found_corrupt_then_made_again_by_prepare_is_no_longer_called_corrupt_by_report_or_status()
    {
        var root = fixture.CopyOfReference("verify-remade");
        var clip = Path.Combine(root, "videos_320p", "train", "demo0000004_000040_000050.mp4");
        Media.Truncate(clip);

        var verify = await CliRunner.RunAsync("verify", "--root", root);
        var reportBefore = await CliRunner.RunAsync("report", "--root", root);
        var jsonBefore = File.ReadAllText(Path.Combine(root, "report.json"));
        var prepare = await CliRunner.RunAsync(fixture.Prepare(root));
        var reportAfter = await CliRunner.RunAsync("report", "--root", root);
        var status = await CliRunner.RunAsync("status", "--root", root);

        Assert.Equal(1, verify.ExitCode);
        Assert.True(reportBefore.ExitCode == 0, reportBefore.Stderr);
        Assert.Contains("demo0000004_000040_000050", jsonBefore);
        Assert.True(prepare.ExitCode == 0, prepare.Stdout + prepare.Stderr);
        Assert.Equal(15, Media.Inspect(clip).Frames);
        Assert.True(reportAfter.ExitCode == 0, reportAfter.Stderr);
        Assert.DoesNotContain("demo0000004_000040_000050", File.ReadAllText(Path.Combine(root, "report.json")));
        Assert.DoesNotContain("demo0000004_000040_000050", File.ReadAllText(Path.Combine(root, "report.html")));
        Assert.DoesNotContain("demo0000004_000040_000050", status.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Verify_full_decodes_every_frame_of_given_paths()
    {
        var result = await CliRunner.RunAsync("verify", "--full", Path.Combine(fixture.Reference, "videos_320p", "val"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 clips checked, 0 unreadable", result.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_report_is_one_offline_page_with_settings_availability_named_class_bars_per_split_charts_a_contact_sheet_and_plain_failures()
    {
        var root = fixture.CopyOfReference("report");
        File.WriteAllText(Path.Combine(root, "videos_320p", "test", "demo0000012_000050_000060.mp4"), "not a video");
        await CliRunner.RunAsync("verify", "--root", root);

        var result = await CliRunner.RunAsync("report", "--root", root);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(Path.Combine(root, "report.html"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch("(src|href)=\"(?!data:image/jpeg;base64,)", html); // nothing from outside the file
        var settings = Section(html, "id=\"settings\"");
        Assert.Contains("<td>release</td><td style=\"text-align:left\">k400</td>", settings);
        Assert.Contains("<td>--short-side</td><td style=\"text-align:left\">320</td>", settings);
        Assert.Contains("<td>--format</td><td style=\"text-align:left\">videomae</td>", settings);
        Assert.Matches(@"kinetics-prep \d+\.\d+\.\d+, ffmpeg \d+\.\d+", settings);
        // K400's official rows; the unreadable test clip that verify found is counted as corrupt, as verify says.
        Assert.Contains("<tr><td>train</td><td>246534</td><td>10</td><td>9</td><td>0.0 %</td><td>1</td><td>0</td><td>1</td></tr>", html);
        Assert.Contains("<tr><td>test</td><td>39805</td><td>4</td><td>3</td><td>0.0 %</td><td>1</td><td>1</td><td>0</td></tr>", html);
        var classes = Section(html, "id=\"classes\"");
        Assert.All(new[] { "abseiling", "air drumming", "playing guitar" }, name => Assert.Contains($">{name}</text>", classes));
        Assert.Equal(9, Regex.Count(classes, "<rect ")); // a segment per class and split
        Assert.Equal(8, Regex.Count(html, "class=\"histogram\""));
        Assert.Contains("<title>h264: 15</title>", Section(html, "id=\"codec\""));
        var thumbnails = Regex.Matches(Section(html, "id=\"contact-sheet\""), "src=\"data:image/jpeg;base64,([^\"]+)\"");
        Assert.Equal(3, thumbnails.Count);
        Assert.All(thumbnails, t => Assert.Equal([0xFF, 0xD8, 0xFF], Convert.FromBase64String(t.Groups[1].Value)[..3]));
        var failures = Section(html, "id=\"failures\"");
        Assert.Contains("demo0000012_000050_000060.mp4", failures);
        Assert.DoesNotContain("Exception", failures);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "report.json")));
        var train = json.RootElement.GetProperty("splits").EnumerateArray().Single(s => s.GetProperty("split").GetString() == "train");
        Assert.Equal(9, train.GetProperty("found").GetInt32());
        var histograms = json.RootElement.GetProperty("histograms").EnumerateArray().ToDictionary(h => h.GetProperty("key").GetString()!, h => h.GetProperty("count").GetInt32());
        Assert.Equal(16, histograms["short_side_before"]);
        Assert.Equal(15, histograms["short_side_after"]); // verified and readable
        Assert.Equal("verify", json.RootElement.GetProperty("failures").EnumerateArray().Single().GetProperty("stage").GetString());
        var sheet = json.RootElement.GetProperty("contact_sheet").GetProperty("thumbnails");
        Assert.Equal(3, sheet.GetArrayLength());
        Assert.False(sheet[0].TryGetProperty("jpeg", out _), "the JPEGs belong in the page, not in report.json");
    }

    [Fact]
    public void Weak_classes_are_those_far_below_the_median()
    {
        var root = fixture.NewRoot("weak");
        var lists = Path.Combine(root, "lists");
        Directory.CreateDirectory(lists);
        File.WriteAllLines(Path.Combine(lists, "labels.txt"), ["a", "b", "c"]);
        File.WriteAllLines(Path.Combine(lists, "train.csv"), [.. Enumerable.Repeat("/x 0", 10), .. Enumerable.Repeat("/y 1", 10), "/z 2"]);

        var report = KineticsPrep.Report.ReportBuilder.Build(new DatasetRoot(root), ClipIndexFile.ReadIfThere(new DatasetRoot(root).Lists));

        Assert.Equal(["c"], report.Classes.Where(c => c.Weak).Select(c => c.Label));
        Assert.Equal(("c", 1), (report.Classes[0].Label, report.Classes[0].Total));
    }

    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal) is var e and > 0 ? e : html.Length;
        var svgEnd = html.IndexOf("</svg>", start, StringComparison.Ordinal);
        return html[start..(svgEnd > 0 && svgEnd < end ? svgEnd : end)];
    }
}
