using System.Text;
using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>
/// Every command line README.md and docs/ show runs, in the order a reader meets it, against the demo mirror (K400,
/// K600 and K700-2020 in their CVDF layouts on nginx), and exits 0. The document's folders live in a folder of their
/// own; the test adds only the mirror (to the commands that fetch) and the demo's folder.
/// </summary>
[Collection(K710Collection.Name)]
public sealed class DocumentedCommandRunTests(K710Fixture fixture)
{
    private const int CoresHere = 2;

    public static TheoryData<string> FilesWithCommands() =>
        new(DocumentedCommands.Files().Where(f => DocumentedCommands.In(f).Any()));

    [Theory]
    [MemberData(nameof(FilesWithCommands))]
    public async Task Every_command_a_document_shows_runs_on_the_demo_mirror(string file)
    {
        using var sandbox = new TempFolder();
        var failures = new List<string>();

        foreach (var line in DocumentedCommands.In(file))
        {
            var words = DocumentedCommands.Words(line.Arguments).Select(w => InSandbox(w, sandbox)).ToList();
            Given(line.Arguments, sandbox);
            AddTheTestsOwn(words, sandbox);
            foreach (var run in await RunAsync(words, line.Array))
            {
                if (run.ExitCode != 0)
                    failures.Add($"kinetics-prep {line.Arguments}: exit {run.ExitCode}\n{run.Stderr}{Tail(run.Stdout)}");
            }
        }

        Assert.True(failures.Count == 0, $"{file}:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// A folder or file the document names (a path, or a file name with an extension) is under the sandbox: an absolute
    /// one as it is, a relative one under the reader's working folder (so <c>data/k400</c> is not <c>/data/k400</c>).
    /// </summary>
    private static string InSandbox(string word, TempFolder sandbox)
    {
        var isPath = word.Contains('/') || word.EndsWith(".csv", StringComparison.Ordinal) || word.EndsWith(".gz", StringComparison.Ordinal)
                     || word.EndsWith(".txt", StringComparison.Ordinal);
        if (!isPath || word.StartsWith("http", StringComparison.Ordinal))
            return word;
        return word.StartsWith('/') ? sandbox.Combine(word[1..]) : sandbox.Combine(WorkingFolder, word);
    }

    private const string WorkingFolder = "cwd";

    /// <summary>The files a document takes its reader to have already: made just before the first command that names them.</summary>
    private static void Given(string arguments, TempFolder sandbox)
    {
        if (arguments.Contains("paper/manifest.csv.gz", StringComparison.Ordinal) && !File.Exists(sandbox.Combine(WorkingFolder, "paper", "manifest.csv.gz")))
        {
            // Someone else's manifest of the same release: here, the one the document's own K400 root wrote.
            Directory.CreateDirectory(sandbox.Combine(WorkingFolder, "paper"));
            File.Copy(sandbox.Combine("data", "k400", "lists", "manifest.csv.gz"), sandbox.Combine(WorkingFolder, "paper", "manifest.csv.gz"));
        }
        if (arguments.Contains("kinetics_400_labels.csv", StringComparison.Ordinal))
        {
            // ActionCLIP's id,name layout, of the demo mirror's K400 classes.
            File.WriteAllText(sandbox.Combine(WorkingFolder, "kinetics_400_labels.csv"), "id,name\n0,abseiling\n1,air drumming\n2,dying hair\n");
        }
        if (arguments.Contains("data/kinetics400/videos_train ", StringComparison.Ordinal))
        {
            // mmaction2's layout of the originals: one folder per class.
            foreach (var (label, n) in new[] { ("abseiling", 0), ("abseiling", 1), ("air_drumming", 2) })
                Media.MakeClip(sandbox.Combine(WorkingFolder, "data", "kinetics400", "videos_train", label, $"clip{n}.mp4"), 480, 360);
        }
    }

    /// <summary>What a reader's machine gives that the test must pass itself: the mirror, and a folder for the demo.</summary>
    private void AddTheTestsOwn(List<string> words, TempFolder sandbox)
    {
        var command = CliApp.Default.Commands.Parse(words.ToArray()).CommandResult.Command;
        if (command.Options.Any(o => o.Name == "--mirror") && !words.Contains("--mirror"))
            words.AddRange(["--mirror", fixture.Nginx.Url]);
        if (command.Name == "demo" && !words.Contains("--dir"))
            words.AddRange(["--dir", sandbox.Combine("demo")]);
    }

    /// <summary>The line run once, in-process; or, in an sbatch script, once per task of its array as Slurm starts it.</summary>
    private static async Task<IReadOnlyList<CliRunner.Result>> RunAsync(List<string> words, DocumentedCommands.SlurmArray? array)
    {
        if (array is null)
            return [await CliRunner.RunAsync(words.ToArray())];
        var results = new List<CliRunner.Result>();
        for (var task = array.First; task <= array.Last; task++)
        {
            var environment = new Dictionary<string, string>
            {
                ["SLURM_ARRAY_TASK_ID"] = $"{task}",
                ["SLURM_ARRAY_TASK_MIN"] = $"{array.First}",
                ["SLURM_ARRAY_TASK_MAX"] = $"{array.Last}",
                ["SLURM_CPUS_PER_TASK"] = $"{CoresHere}",
            };
            var expanded = words.Select(w => w.StartsWith('$') ? environment[w[1..]] : w).ToArray();
            results.Add(await CliRunner.RunAsync(environment, expanded));
        }
        return results;
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new StringBuilder().AppendJoin('\n', lines.TakeLast(5)).ToString();
    }
}
