namespace KineticsPrep.Dataset;

/// <summary>The shapes of training list that <see cref="ListWriter"/> writes.</summary>
public enum ListFormat
{
    /// <summary><c>PATH LABEL_ID</c> lines, no header: VideoMAE, SlowFast and mmaction2 (split.csv).</summary>
    VideoMae,

    /// <summary><c>PATH,LABEL_ID</c> lines, no header: UniFormerV2 and InternVideo (split.csv, their loaders split on ',').</summary>
    UniFormerV2,

    /// <summary>A real CSV with a header: path,label_id,label,youtube_id,time_start,time_end,split (split.csv).</summary>
    Csv,

    /// <summary>mmaction2's JSON list of {"filename", "label"} (split.json).</summary>
    Json,

    /// <summary>A symlink tree split/class name/file, like torchvision's Kinetics layout.</summary>
    Folders,
}
