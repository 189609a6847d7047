namespace KineticsPrep.Resize;

/// <summary>
/// A named set of encoder settings for how the clips will be read. Facts behind them: random access with decord and
/// PyAV costs about as much as decoding from the previous keyframe, and x264 places keyframes up to 250 frames apart
/// by default (mmaction2 re-encodes with <c>-g 16</c> for its dense-sampling benchmark); DALI's video reader needs a
/// constant frame rate and close keyframes, and B-frames put frames out of decode order.
/// </summary>
public sealed record EncodeProfile(string Name, string Description, int? KeyframeInterval, bool ConstantFrameRate, bool BFrames)
{
    /// <summary>x264's own choices: the smallest files.</summary>
    public static readonly EncodeProfile Default = new("default", "x264's own keyframe placement; the smallest files", null, false, true);

    /// <summary>mmaction2's --dense setting: cheap seeks for decord and PyAV.</summary>
    public static readonly EncodeProfile Seekable =
        new("seekable", "a keyframe every 16 frames at most, none moved by scene cuts: cheap seeks for decord and PyAV", 16, false, true);

    public static readonly EncodeProfile Dali =
        new("dali", "seekable, plus a constant frame rate at the source's rate and no B-frames, for NVIDIA DALI's video reader", 16, true, false);

    public static readonly IReadOnlyList<EncodeProfile> All = [Default, Seekable, Dali];

    public static EncodeProfile? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
