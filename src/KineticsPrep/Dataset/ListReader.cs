namespace KineticsPrep.Dataset;

/// <summary>
/// Reads back the training lists of a lists folder, whatever <see cref="ListFormat"/> they were written in: the one
/// reader that verify's list fixing, the report and export share.
/// </summary>
public static class ListReader
{
    /// <summary>The class names in id order, from the lists folder's labels.txt; empty when there is none.</summary>
    public static IReadOnlyList<string> Labels(string listsFolder)
    {
        var labelsFile = Path.Combine(listsFolder, DatasetRoot.LabelsFileName);
        return File.Exists(labelsFile) ? File.ReadAllLines(labelsFile) : [];
    }

    /// <summary>Every split the lists folder has a list for, with the format it was written in, in split order.</summary>
    public static IReadOnlyList<(string Split, ListFormat Format)> Written(string listsFolder) =>
        SplitFiles.Splits
            .Select(split => (split, format: ListFormat.Of(listsFolder, split)))
            .Where(s => s.format is not null)
            .Select(s => (s.split, s.format!))
            .ToList();

    /// <param name="labels">The class names in id order (labels.txt); the folders format names its folders after them.</param>
    public static IReadOnlyList<ListLine> Read(string listsFolder, string split, ListFormat format, IReadOnlyList<string> labels) =>
        format.Read(format.PathFor(listsFolder, split), labels);
}
