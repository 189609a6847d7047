namespace KineticsPrep.Dataset;

/// <summary>
/// The annotation CSV of each split in a folder: train.csv, validate.csv or val.csv, test.csv, and K600's
/// holdout_test.csv (as prepare saves it) or kinetics600_holdout_test.csv (as the CVDF names it).
/// </summary>
public static class SplitFiles
{
    public static readonly IReadOnlyList<string> Splits = ["train", "val", "test", "holdout_test"];

    private static readonly Dictionary<string, string[]> FileNames = new()
    {
        ["train"] = ["train.csv"],
        ["val"] = ["validate.csv", "val.csv"],
        ["test"] = ["test.csv"],
        ["holdout_test"] = ["holdout_test.csv", "kinetics600_holdout_test.csv"],
    };

    /// <summary>Split name and path of each CSV present, in train, val, test order.</summary>
    public static IReadOnlyList<(string Split, string Path)> In(string folder) =>
        Splits
            .Select(split => (split, path: FileNames[split].Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists)))
            .Where(e => e.path is not null)
            .Select(e => (e.split, e.path!))
            .ToList();
}
