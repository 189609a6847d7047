namespace KineticsPrep.Media;

public static class MediaFile
{
    /// <summary>
    /// A path as ffmpeg and ffprobe should read it: the "file:" protocol makes them treat any path as a plain file, so
    /// names that start with '-' or contain ':' are never read as options or protocols.
    /// </summary>
    public static string Url(string path) => "file:" + Path.GetFullPath(path);
}
