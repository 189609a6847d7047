namespace KineticsPrep.Dataset;

/// <summary>The video file extensions every stage recognises, in order of preference when a clip exists in several.</summary>
public static class VideoFiles
{
    public static readonly IReadOnlyList<string> Extensions = ["mp4", "webm", "mkv", "avi", "mov", "m4v", "flv"];

    /// <summary>The position of a path's extension in <see cref="Extensions"/> (case-insensitive), or -1 when it is not a video.</summary>
    public static int Rank(string path) => Rank(path.AsSpan());

    public static int Rank(ReadOnlySpan<char> path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Length < 2)
            return -1;
        extension = extension[1..];
        for (var i = 0; i < Extensions.Count; i++)
        {
            if (extension.Equals(Extensions[i], StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    public static bool IsVideo(string path) => Rank(path) >= 0;
}
