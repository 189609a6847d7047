using KineticsPrep.Dataset;
using KineticsPrep.Media;

namespace KineticsPrep.Annotate;

/// <summary>The bytes and video track (null when none could be read) of each clip listed and not corrupt, in the
/// lists' order: what the index and the manifest say of the clips.</summary>
internal sealed record ProbedClips(long[] Bytes, VideoTrack?[] Tracks)
{
    /// <summary>The index row of the <paramref name="i"/>-th clip.</summary>
    public ClipFacts Facts(int i, string path, string split, int labelId)
    {
        var track = Tracks[i];
        return new ClipFacts(path, split, labelId, track?.Frames, track?.FramesPerSecond, track?.DurationSeconds, track?.Width, track?.Height,
            Bytes[i], track?.MaxKeyframeInterval, track?.Codec);
    }
}
