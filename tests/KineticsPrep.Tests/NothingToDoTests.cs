namespace KineticsPrep.Tests;

/// <summary>A command given nothing to work on says what it looked for, exits 2 and writes nothing.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class NothingToDoTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string[]> Commands => new()
    {
        { "no resized clips under ROOT", ["verify", "--root", "ROOT"] },
        { "nothing to report under ROOT", ["report", "--root", "ROOT"] },
        { "ROOT/lists/labels.txt not found", ["export", "webdataset", "--root", "ROOT"] },
        { "no videos under SRC", ["resize", "SRC", "OUT"] },
        { "no videos under SRC", ["resize", "SRC", "SRC"] },
        { "no clips under SRC (looked for .mp4, ", ["annotate", "--annotations", "ROOT", "--videos", "SRC", "--out", "OUT"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_empty_input_is_exit_2_with_what_was_looked_for_and_nothing_is_written(string message, string[] arguments)
    {
        var root = _temp.Combine("root");
        var source = _temp.Combine("src");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(source);
        string Resolve(string text) => text.Replace("ROOT", root).Replace("SRC", source).Replace("OUT", _temp.Combine("out"));

        var run = await CliRunner.RunAsync([.. arguments.Select(Resolve)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"kinetics-prep: {Resolve(message)}", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal([root, source], Directory.GetFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Order());
    }
}
