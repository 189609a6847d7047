using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.Media;
using KineticsPrep.Running;

namespace KineticsPrep.Annotate;

/// <summary>What annotate learns of the listed clips themselves: their facts for lists/index.csv, and (--check) which
/// ones ffprobe cannot open. <paramref name="tools"/>: ffmpeg where there is one.</summary>
internal sealed class ListedClipProbe(MediaTools? tools, int workers)
{
    /// <summary>
    /// The bytes and video track of every listed clip, in order: an mp4's own sample tables are read in-process; any
    /// other container, and an mp4 whose edit list hides frames, is asked of ffprobe (which decodes it) when ffmpeg is
    /// there. An empty or unreadable clip has only its bytes.
    /// </summary>
    public async Task<ProbedClips> ProbeAsync(IReadOnlyList<(string Split, ListedClip Entry)> clips, CancellationToken cancellationToken)
    {
        var bytes = new long[clips.Count];
        var tracks = new VideoTrack?[clips.Count];
        StageRunner.For(clips.Count, workers, i =>
        {
            var file = new FileInfo(clips[i].Entry.Path);
            bytes[i] = file.Exists ? file.Length : 0;
            if (bytes[i] > 0)
                tracks[i] = VideoTrack.ReadMp4(clips[i].Entry.Path);
        }, cancellationToken);
        var unread = Enumerable.Range(0, clips.Count).Where(i => bytes[i] > 0 && tracks[i] is null).ToList();
        if (unread.Count > 0 && tools is { } found)
        {
            var ffprobe = new FFprobe(found.FFprobePath);
            await StageRunner.ForEachAsync(unread, workers, async (i, token) => tracks[i] = await TrackAsync(ffprobe, clips[i].Entry.Path, token),
                cancellationToken);
        }
        return new ProbedClips(bytes, tracks);
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
    public async Task<Dictionary<string, string>> CorruptAsync(IEnumerable<ListedClip> entries, CancellationToken cancellationToken)
    {
        if (tools is null)
            return new Dictionary<string, string>(StringComparer.Ordinal);
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
        return new Dictionary<string, string>(corrupt, StringComparer.Ordinal);
    }
}
