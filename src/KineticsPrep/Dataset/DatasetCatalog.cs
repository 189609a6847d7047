namespace KineticsPrep.Dataset;

/// <summary>
/// The Kinetics releases on the CVDF mirror, with each split's real file names. Source: the downloader scripts and
/// README of cvdfoundation/kinetics-dataset (commit e6bea42): k400_downloader.sh, k600_downloader.sh and
/// k700_2020_downloader.sh name every list file and annotation file used here.
/// </summary>
public static class DatasetCatalog
{
    public const string CvdfPrefix = "https://s3.amazonaws.com/kinetics";

    /// <summary>The split every release has but K600's holdout test, which the CVDF serves as a CSV of YouTube ids only.</summary>
    public const string HoldoutTest = "holdout_test";

    public static readonly IReadOnlyList<DatasetVersion> Versions =
    [
        // K400's official row counts: the rows of the CVDF's k400 train/val/test CSVs, as papers quote them.
        new("k400", $"{CvdfPrefix}/400", "k400",
            [new("train", "train.csv", OfficialRows: 246_534), new("val", "val.csv", OfficialRows: 19_906), new("test", "test.csv", OfficialRows: 39_805)],
            "replacement_for_corrupted_k400.tgz"),
        // K600's labelled train and val annotations are train.txt and val.txt (CSV text); train.csv and val.csv on
        // the mirror are marked "incomplete" in the CVDF README.
        new("k600", $"{CvdfPrefix}/600", "k600",
            [new("train", "train.txt"), new("val", "val.txt"), new("test", "test.csv"),
             new(HoldoutTest, "kinetics600_holdout_test.csv", HasArchives: false)],
            null) { ArchivesPerClass = true },
        new("k700-2020", $"{CvdfPrefix}/700_2020", "k700_2020",
            [new("train", "train.csv"), new("val", "val.csv"), new("test", "test.csv")],
            null),
    ];

    /// <summary>
    /// Kinetics-710 (VideoMAEv2, UniFormerV2, InternVideo): the train and val sets of these releases merged (see
    /// Pipeline's K710Recipe), with the ids of the built-in videomaev2-k710 label map.
    /// </summary>
    public const string K710 = "k710";

    public static readonly IReadOnlyList<string> K710Releases = ["k400", "k600", "k700-2020"];

    public static readonly IReadOnlyList<string> K710Splits = ["train", "val"];

    public const string K710LabelMap = "videomaev2-k710";

    /// <summary>The pseudo-split of K400's replacement clips for corrupted train clips (archives and videos folders).</summary>
    public const string ReplacementSplit = "replacement";

    /// <summary>What --splits means when not given.</summary>
    public static readonly IReadOnlyList<string> DefaultSplits = ["train", "val", "test"];

    public static DatasetVersion? Find(string name) =>
        Versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
