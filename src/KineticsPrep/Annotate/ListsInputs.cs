using System.Security.Cryptography;
using System.Text;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// What a root's lists are made from, and what the lists folder held once written, as kept in
/// <see cref="ListsMade"/>: a run whose inputs (the options that shape the lists, each annotation CSV's stamp, the label
/// file's, the mark of the root's clip set and kinetics-prep's version) and whose lists folder (each file's stamp) are
/// as the last run left them has nothing to write, and keeps the lists, the index and the manifest as they are.
/// </summary>
internal sealed class ListsInputs(DatasetRoot root, string listsFolder)
{
    private readonly string _clipSetMark = ClipSetVersion.Mark(StateStore.AllUnder(root, upgrade: true));

    public string Of(AnnotateOptions options, IReadOnlyList<(string Split, string Path)> csvFiles)
    {
        var lines = new List<string>
        {
            $"kinetics-prep={ToolVersion.Current}", $"clips={_clipSetMark}", $"out={listsFolder}", $"format={options.Format.Name}", $"labels={options.Labels}",
            $"subset={options.Subset}", $"videos={options.Videos}", $"replacement={options.Replacement}", $"relative={options.RelativeTo}",
            $"skip-bad-rows={options.SkipBadRows}", $"check={options.Check}", $"release={options.Release?.Name}",
            $"exclude={string.Join(',', (options.ExcludeIds ?? new HashSet<string>()).Order(StringComparer.Ordinal))}",
        };
        if (options.Labels is { } labelFile && File.Exists(labelFile))
            lines.Add($"label-file={FileStamp.Of(labelFile)}");
        lines.AddRange(csvFiles.Select(f => $"csv={f.Split}\t{f.Path}\t{FileStamp.Of(f.Path)}"));
        return Digest(lines);
    }

    /// <summary>Whether the last lists were made from <paramref name="inputs"/> and the folder is as it left it.</summary>
    public bool IsCurrent(string inputs) => ListsMade.Read(root) is { } made && made.Inputs == inputs && made.Outputs == Outputs();

    /// <summary>Called once the lists are written (not flushed: losing it costs only one more writing of them).</summary>
    public void Record(string inputs) => new ListsMade(inputs, Outputs(), _clipSetMark, listsFolder).Write(root);

    /// <summary>Every file in the lists folder with its stamp: a list edited or deleted by hand changes it.</summary>
    private string Outputs() =>
        Digest(Directory.Exists(listsFolder)
            ? Directory.EnumerateFiles(listsFolder).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}\t{FileStamp.Of(f)}")
            : []);

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
}
