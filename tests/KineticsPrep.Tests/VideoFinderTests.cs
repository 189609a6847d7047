using KineticsPrep.Dataset;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class VideoFinderTests
{
    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public void Class_folders_are_mirrored_and_every_output_is_mp4()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("src", "abseiling", "a_000001_000011.mp4"));
        Touch(temp.Combine("src", "air drumming", "b_000002_000012.webm"));
        Touch(temp.Combine("src", "c_000003_000013.MKV"));
        Touch(temp.Combine("src", "notes.txt"));

        var scan = VideoFinder.Find(temp.Combine("src"), temp.Combine("dst"), VideoFiles.Extensions);

        Assert.Equal(
            [temp.Combine("dst", "abseiling", "a_000001_000011.mp4"), temp.Combine("dst", "air drumming", "b_000002_000012.mp4"), temp.Combine("dst", "c_000003_000013.mp4")],
            scan.Jobs.Select(j => j.OutputPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_given_extensions_are_searched()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("src", "a.mp4"));
        Touch(temp.Combine("src", "b.avi"));
        var scan = VideoFinder.Find(temp.Combine("src"), temp.Combine("dst"), [".avi"]);
        Assert.Equal([temp.Combine("src", "b.avi")], scan.Jobs.Select(j => j.SourcePath));
    }

    [Fact]
    public void A_destination_inside_the_source_and_hidden_files_are_not_searched()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("a.mp4"));
        Touch(temp.Combine("._a.mp4"));
        Touch(temp.Combine("out", "a.mp4"));
        var scan = VideoFinder.Find(temp.Path, temp.Combine("out"), VideoFiles.Extensions);
        Assert.Equal([temp.Combine("a.mp4")], scan.Jobs.Select(j => j.SourcePath));
    }

    [Fact]
    public void When_two_sources_share_an_output_the_preferred_extension_wins()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("a.webm"));
        Touch(temp.Combine("a.mp4"));
        var scan = VideoFinder.Find(temp.Path, temp.Combine("out"), VideoFiles.Extensions);
        Assert.Equal([temp.Combine("a.mp4")], scan.Jobs.Select(j => j.SourcePath));
        Assert.Equal([temp.Combine("a.webm")], scan.IgnoredDuplicates);
    }
}
