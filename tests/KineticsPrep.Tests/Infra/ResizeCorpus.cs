using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

/// <summary>
/// A folder of awkward clips (odd sizes, portrait, rotated, small, audio, bad files, awkward names, the real fixture
/// clips), resized once for all the tests that look at the result.
/// </summary>
public sealed class ResizeCorpus : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync()
    {
        Media.MakeClip(Src("odd", "wide_000001_000011.mp4"), 853, 480);
        Media.MakeClip(Src("odd", "four-three.avi"), 640, 480, 1, 10, "-c:v", "mpeg4");
        Media.MakeClip(Src("odd", "portrait.mkv"), 480, 854);
        Media.MakeRotatedClip(Src("odd", "phone.mp4"), 640, 360, 90);
        Media.MakeClip(Src("small", "small.mp4"), 240, 180);
        Media.MakeClipWithAudio(Src("small", "with-audio.mp4"), 400, 300);
        Media.MakeClip(Src("folder with spaces", "-dashid_000001_000011.mp4"), 640, 360);
        Media.MakeClip(Src("folder with spaces", "ünï 'single' \"double\" $HOME.mp4"), 640, 360);

        Media.Truncate(Media.MakeClip(Src("bad", "truncated.mp4"), 640, 360, 3));
        Media.Truncate(Media.MakeClip(Src("bad", "truncated-faststart.mp4"), 640, 360, 3, 10, "-movflags", "+faststart"));
        File.WriteAllBytes(Src("bad", "empty.mp4"), []);
        File.WriteAllText(Src("bad", "text.mp4"), "this is not a video\n");
        Media.MakeClipWithAudio(Src("bad", "audio-only.m4v"), 64, 64);
        File.Copy(Src("bad", "audio-only.m4v"), Src("bad", "audio-only-tmp.m4v"));
        StripVideo(Src("bad", "audio-only-tmp.m4v"), Src("bad", "audio-only.m4v"));

        foreach (var fixture in Directory.GetFiles(Media.FixtureVideos))
            File.Copy(fixture, Src("fixtures", Path.GetFileName(fixture)));

        Summary = await new ResizeRunner(Media.Tools, new ResizeOptions { Workers = 2 })
            .RunAsync(Source, Destination, null, CancellationToken.None);
        FailureLogEntries = FailureLog.Read(Destination);
    }

    public string Source => _temp.Combine("src");

    public string Destination => _temp.Combine("dst");

    public ResizeSummary Summary { get; private set; } = null!;

    public IReadOnlyList<FailureLog.Entry> FailureLogEntries { get; private set; } = [];

    public static readonly string[] BadClips =
        ["audio-only.m4v", "empty.mp4", "text.mp4", "truncated-faststart.mp4", "truncated.mp4"];

    public string Src(params string[] parts)
    {
        var path = Path.Combine([Source, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public string Dst(params string[] parts) => Path.Combine([Destination, .. parts]);

    private static void StripVideo(string from, string to)
    {
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-i", "file:" + from, "-vn", "-c:a", "copy", "-f", "mp4", "file:" + to]);
        File.Delete(from);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _temp.Dispose();
    }
}
