using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KineticsPrep.Dataset;
using KineticsPrep.Media;
using KineticsPrep.Running;

namespace KineticsPrep.Annotate;

/// <summary>What annotate learns of the listed clips themselves: their facts for lists/index.csv, and (--check) which
/// ones ffprobe cannot open. <paramref name="tools"/>: ffmpeg where there is one.</summary>
internal sealed class ListedClipProbe(MediaTools? tools, int workers)
{
    /// <summary>Clips probed at once: each window's facts are held until written, never the whole list's.</summary>
    private const int Window = 4096;

    /// <summary>
    /// The index row of every listed clip, in order, made a window of clips at a time: an mp4's own sample tables are
    /// read in-process; any other container, and an mp4 whose edit list hides frames, is asked of ffprobe (which
    /// decodes it) when ffmpeg is there. An empty or unreadable clip has only its bytes.
    /// </summary>
    public async IAsyncEnumerable<ClipFacts> FactsAsync(
        IReadOnlyList<(string Split, ListedClip Entry)> clips, Func<string, string> displayPath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ffprobe = tools is { } found ? new FFprobe(found.FFprobePath) : null;
        for (var start = 0; start < clips.Count; start += Window)
        {
            var count = Math.Min(Window, clips.Count - start);
            var paths = new string[count];
            var bytes = new long[count];
            var tracks = new VideoTrack?[count];
            StageRunner.For(count, workers, i =>
            {
                var file = new FileInfo(paths[i] = clips[start + i].Entry.Path);
                bytes[i] = file.Exists ? file.Length : 0;
                if (bytes[i] > 0)
                    tracks[i] = VideoTrack.ReadMp4(paths[i]);
            }, cancellationToken);
            var unread = Enumerable.Range(0, count).Where(i => bytes[i] > 0 && tracks[i] is null).ToList();
            if (unread.Count > 0 && ffprobe is not null)
                await StageRunner.ForEachAsync(unread, workers, async (i, token) => tracks[i] = await TrackAsync(ffprobe, paths[i], token), cancellationToken);
            for (var i = 0; i < count; i++)
            {
                var (split, entry) = clips[start + i];
                var track = tracks[i];
                yield return new ClipFacts(displayPath(paths[i]), split, entry.LabelId, track?.Frames, track?.FramesPerSecond, track?.DurationSeconds,
                    track?.Width, track?.Height, bytes[i], track?.MaxKeyframeInterval, track?.Codec);
            }
        }
    }

    private static async Task<VideoTrack?> TrackAsync(FFprobe ffprobe, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ffprobe.TrackAsync(path, cancellationToken);
        }
        catch (MediaToolException)
        {
            return null;
        }
    }

    /// <summary>The clips ffprobe cannot open (--check), with its reason; none without ffmpeg.</summary>
    public async Task<CorruptClips> CorruptAsync(IEnumerable<ListedClip> entries, CancellationToken cancellationToken)
    {
        if (tools is null)
            return CorruptClips.None;
        var ffprobe = new FFprobe(tools.FFprobePath);
        var corrupt = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await StageRunner.ForEachAsync(entries.Select(e => e.Path).Distinct(), workers, async (path, token) =>
        {
            try
            {
                await ffprobe.ProbeAsync(path, token);
            }
            catch (MediaToolException e)
            {
                corrupt[path] = e.Reason;
            }
        }, cancellationToken);
        return new CorruptClips(new Dictionary<string, string>(corrupt, StringComparer.Ordinal));
    }
}
