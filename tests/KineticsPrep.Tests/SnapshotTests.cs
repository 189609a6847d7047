using System.Text.RegularExpressions;
namespace KineticsPrep.Tests;

/// <summary>What users read, checked whole: status, the command summaries and report.html, on the prepare reference.</summary>
[Collection(PrepareCollection.Name)]
public sealed class SnapshotTests(PrepareFixture fixture)
{
    private (string, string)[] Scrub(string root) => [(root, "ROOT"), (fixture.Mirror, "MIRROR")];

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_of_a_prepared_root()
    {
        var status = await CliRunner.RunAsync("status", "--root", fixture.Reference);

        Snapshot.Match("status", status.Stdout + status.Stderr, Scrub(fixture.Reference), withoutRates: true);
        Assert.All(status.Stdout.Split('\n').Skip(1), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void The_prepare_summary() =>
        Snapshot.Match("prepare-summary", fixture.ReferenceRun.Stdout + fixture.ReferenceRun.Stderr, Scrub(fixture.Reference));

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_verify_summary_and_report_html()
    {
        var root = fixture.CopyOfReference("snapshots");
        var verify = await CliRunner.RunAsync("verify", "--root", root, "--workers", "1");
        await CliRunner.RunAsync("report", "--root", root);

        Snapshot.Match("verify-summary", verify.Stdout + verify.Stderr, Scrub(root));
        // The thumbnails' bytes and the versions depend on the ffmpeg at hand; the report's own test checks them.
        var html = Regex.Replace(File.ReadAllText(Path.Combine(root, "report.html")), "base64,[A-Za-z0-9+/=]+", "base64,JPEG");
        html = Regex.Replace(html, @"kinetics-prep \d+\.\d+\.\d+, ffmpeg \d+\.\d+", "kinetics-prep VERSION, ffmpeg VERSION");
        Snapshot.Match("report-html", Regex.Replace(html, @"kinetics-prep \d+\.\d+\.\d+", "kinetics-prep VERSION"), Scrub(root));
    }
}
