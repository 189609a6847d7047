using KineticsPrep.Dataset;

namespace KineticsPrep.State;

/// <summary>
/// <c>.kinetics-prep/lists-made</c>: what a root's lists were last written from (the digest of annotate's inputs), what
/// the lists folder held then (each file's stamp, digested), the mark of the root's clip set
/// (<see cref="ClipSetVersion.Mark"/>) and the folder. Kept beside the store, not in lists/, whose bytes do not depend on
/// the machine; losing it costs one more writing of the lists.
/// </summary>
public sealed record ListsMade(string Inputs, string Outputs, string ClipSetMark, string ListsFolder)
{
    private static string FileOf(DatasetRoot root) => Path.Combine(root.StateFolder, "lists-made");

    public static ListsMade? Read(DatasetRoot root)
    {
        try
        {
            var lines = File.Exists(FileOf(root)) ? File.ReadAllLines(FileOf(root)) : [];
            return lines.Length == 4 ? new ListsMade(lines[0], lines[1], lines[2], lines[3]) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Write(DatasetRoot root) => File.WriteAllLines(FileOf(root), [Inputs, Outputs, ClipSetMark, ListsFolder]);

    /// <summary>Whether the root's lists were last written from the clip set as it is now, as its mark tells without
    /// reading the clips; false when only reading them can tell.</summary>
    public static bool ShowsCurrent(DatasetRoot root, IReadOnlyList<StateStore> stores) =>
        Read(root) is { } made && made.ListsFolder == root.Lists && made.ClipSetMark == ClipSetVersion.Mark(stores);
}
