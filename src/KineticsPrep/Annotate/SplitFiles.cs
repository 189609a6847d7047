namespace KineticsPrep.Annotate;

/// <summary>The annotation CSV of each split in a folder: train.csv, validate.csv or val.csv, test.csv.</summary>
public static class SplitFiles
{
    public static readonly IReadOnlyList<string> Splits = ["train", "val", "test"];

    private static readonly Dictionary<string, string[]> FileNames = new()
    {
        ["train"] = ["train.csv"],
        ["val"] = ["validate.csv", "val.csv"],
        ["test"] = ["test.csv"],
    };

    /// <summary>Split name and path of each CSV present, in train, val, test order.</summary>
    public static IReadOnlyList<(string Split, string Path)> In(string folder) =>
        Splits
            .Select(split => (split, path: FileNames[split].Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists)))
            .Where(e => e.path is not null)
            .Select(e => (e.split, e.path!))
            .ToList();
}
