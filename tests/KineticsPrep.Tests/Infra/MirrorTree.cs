using System.Security.Cryptography;
using KineticsPrep.Dataset;
using static KineticsPrep.Tests.TestArchives;

namespace KineticsPrep.Tests;

/// <summary>A small CVDF-shaped mirror on disk: list files (with CVDF URLs), archives of clips, annotation CSVs.</summary>
public sealed class MirrorTree : IDisposable
{
    private readonly TempFolder _temp = new();

    public string Path => _temp.Path;

    /// <summary>Archive name (as in the list file) → path on the mirror, per split.</summary>
    public Dictionary<string, List<string>> Archives { get; } = new();

    public static MirrorTree K400(int archivesPerSplit = 2, int clipBytes = 50_000, params string[] splits)
    {
        var tree = new MirrorTree();
        foreach (var split in splits.Length > 0 ? splits : ["train", "val"])
        {
            var names = Enumerable.Range(0, archivesPerSplit).Select(i => $"part_{i}.tar.gz").ToArray();
            tree.AddSplit(split, names, clipBytes);
        }
        Write(tree.Combine("400", DatasetCatalog.Find("k400")!.ReplacementArchive!), true, File("replacement/r_000001_000011.mp4"));
        return tree;
    }

    public void AddSplit(string split, IReadOnlyList<string> archiveNames, int clipBytes)
    {
        var lines = new List<string>();
        Archives[split] = [];
        foreach (var name in archiveNames)
        {
            var seed = RandomNumberGenerator.GetHexString(clipBytes);
            // A list names the archive as a URL (K600's "pull%20ups.tar.gz"); the mirror holds it under the unescaped name.
            var path = Write(Combine("400", split, Uri.UnescapeDataString(name)), true,
                File($"{split}_256/clip {name}_000001_000011.mp4", seed), File($"{split}_256/._junk.mp4"));
            Archives[split].Add(path);
            lines.Add($"{DatasetCatalog.CvdfPrefix}/400/{split}/{name}");
        }
        System.IO.File.WriteAllLines(Combine("400", split, $"k400_{split}_path.txt"), lines);
        Directory.CreateDirectory(Combine("400", "annotations"));
        System.IO.File.WriteAllText(Combine("400", "annotations", $"{split}.csv"), $"label,youtube_id,time_start,time_end,split\nabseiling,aaaaaaaaaaa,0,10,{split}\n");
    }

    public string Combine(params string[] parts)
    {
        var path = _temp.Combine(parts);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
