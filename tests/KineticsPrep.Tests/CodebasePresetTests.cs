using CliWrap;
using CliWrap.Buffered;
using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

/// <summary>--for CODEBASE: lists that the codebase's own loader reads, with its published K400 checkpoint's label ids.</summary>
[Collection(PrepareCollection.Name)]
public sealed class CodebasePresetTests(PrepareFixture fixture)
{
    /// <summary>
    /// The train list read as each loader reads it (VideoMAE's VideoClsDataset: pandas read_csv, header None, ' ';
    /// mmaction2's VideoDataset.load_data_list: strip, split on ' ', path joined to an empty data_prefix), each path
    /// checked to exist, printed as PATH TAB LABEL.
    /// </summary>
    private static readonly Dictionary<string, string> Readers = new()
    {
        ["videomae"] = "import os, pandas as pd\nd = pd.read_csv(path, header=None, delimiter=' ')\nrows = [(os.path.join('', p), int(l)) for p, l in zip(d[0], d[1])]",
        ["mmaction2"] = "import os.path as osp\nrows = []\nfor line in open(path):\n    s = line.strip().split(' ')\n    rows.append((osp.join('', s[0]), int(s[1])))",
    };

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("videomae", "videomaev2-k400", 320)]
    [InlineData("mmaction2", "mmaction2-k400", 256)]
    public async Task For_a_codebase_gives_lists_its_loader_reads_with_its_checkpoint_s_label_ids(string codebase, string labelMap, int shortSide)
    {
        var root = fixture.NewRoot($"for-{codebase}");

        var run = await CliRunner.RunAsync(fixture.Prepare(root, "--for", codebase));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"--for {codebase} (", run.Stdout);
        var script = $"import sys, os\npath = sys.argv[1]\n{Readers[codebase]}\nfor p, l in rows:\n    assert os.path.exists(p), p\n    print(f'{{p}}\\t{{l}}')\n";
        var read = await CliWrap.Cli.Wrap("/usr/bin/python3").WithArguments(["-c", script, Path.Combine(root, "lists", "train.csv")])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(read.ExitCode == 0, read.StandardError);
        var rows = read.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(9, rows.Count);

        var names = LabelMap.Load(labelMap).Names;
        var classOf = File.ReadLines(Path.Combine(root, "annotations", "train.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[^5], f => f[0].Trim('"'));
        foreach (var row in rows)
        {
            var id = Path.GetFileNameWithoutExtension(row[0])[..11];
            Assert.Equal(names.ToList().IndexOf(classOf[id]).ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
            var clip = Media.Inspect(row[0]);
            Assert.Equal(shortSide, Math.Min(clip.Width, clip.Height));
        }
        var status = await CliRunner.RunAsync("status", "--root", root);
        Assert.Contains($"--labels {labelMap}", status.Stdout);
        Assert.Contains("--profile seekable", status.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_option_given_explicitly_wins_over_the_codebase_s_choice()
    {
        var root = fixture.NewRoot("for-explicit");

        var run = await CliRunner.RunAsync(fixture.Prepare(root, "--for", "mmaction2", "--short-side", "128", "--labels", "videomaev2-k400"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(Directory.Exists(Path.Combine(root, "videos_128p")));
        Assert.Contains("--labels videomaev2-k400", (await CliRunner.RunAsync("status", "--root", root)).Stdout);
    }
}
