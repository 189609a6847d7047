namespace KineticsPrep.Tests;

/// <summary>Every command that takes a root and no other positional argument takes it the same way: ROOT or --root.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RootArgumentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Commands => new() { "status", "report", "extract", "overlap", "export webdataset", "export rawframes" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_root_is_taken_as_root_or_as_dash_dash_root_and_a_missing_one_is_named_the_same_way(string command)
    {
        var words = command.Split(' ');
        var missing = _temp.Combine("not-there");

        var positional = await CliRunner.RunAsync([.. words, missing]);
        var named = await CliRunner.RunAsync([.. words, "--root", missing]);
        var neither = await CliRunner.RunAsync(words);
        var two = await CliRunner.RunAsync([.. words, _temp.Path, "--root", _temp.Combine("other")]);
        var same = await CliRunner.RunAsync([.. words, missing, "--root", missing + "/"]);

        foreach (var run in new[] { positional, named, same })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"Root folder not found: {missing}", run.Stderr);
        }
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains($"give the dataset root: {command} ROOT, or {command} --root ROOT.", neither.Stderr);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("as ROOT", two.Stderr);
        Assert.DoesNotContain("   at ", positional.Stderr + named.Stderr + neither.Stderr + two.Stderr);
        Assert.False(Directory.Exists(missing));
    }
}
