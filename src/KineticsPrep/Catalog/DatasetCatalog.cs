namespace KineticsPrep.Catalog;

/// <summary>The Kinetics releases on the CVDF mirror.</summary>
public static class DatasetCatalog
{
    public const string CvdfPrefix = "https://s3.amazonaws.com/kinetics";

    public static readonly IReadOnlyList<DatasetVersion> Versions =
    [
        new("k400", $"{CvdfPrefix}/400", "k400", ["train", "val", "test"], "replacement_for_corrupted_k400.tgz"),
        new("k600", $"{CvdfPrefix}/600", "k600", ["train", "val", "test"], null),
        new("k700-2020", $"{CvdfPrefix}/700_2020", "k700_2020", ["train", "val", "test"], null),
    ];

    public static DatasetVersion? Find(string name) =>
        Versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
