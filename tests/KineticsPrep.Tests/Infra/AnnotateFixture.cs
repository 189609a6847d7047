using KineticsPrep.Annotate;
using KineticsPrep.Dataset;
using KineticsPrep.Media;

namespace KineticsPrep.Tests;

/// <summary>An annotations folder, a videos folder and an output folder, with helpers to fill them.</summary>
public sealed class AnnotateFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public static string FixtureAnnotations { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "annotations");

    public string Annotations => _temp.Combine("annotations");

    public string Videos => _temp.Combine("videos");

    public string Out => _temp.Combine("out");

    public string Root => _temp.Path;

    /// <summary>A fixture CSV into the annotations folder; a .gz one unzipped.</summary>
    public string CopyCsv(string fixture, string asName)
    {
        Directory.CreateDirectory(Annotations);
        var path = Path.Combine(Annotations, asName);
        using (var source = File.OpenRead(Path.Combine(FixtureAnnotations, fixture)))
        using (var target = File.Create(path))
            (fixture.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(source, System.IO.Compression.CompressionMode.Decompress) : (Stream)source).CopyTo(target);
        return path;
    }

    public string WriteCsv(string name, string text)
    {
        Directory.CreateDirectory(Annotations);
        var path = Path.Combine(Annotations, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Creates an (empty) clip file for each row of a CSV whose index passes <paramref name="keep"/>.</summary>
    public IReadOnlyList<string> AddClipsFor(string csvPath, string folder, Func<int, bool>? keep = null, Func<AnnotationRow, string>? subfolder = null)
    {
        var created = new List<string>();
        var rows = AnnotationCsv.Read(csvPath, "any", null);
        for (var i = 0; i < rows.Count; i++)
        {
            if (keep is not null && !keep(i))
                continue;
            created.Add(AddClip(Path.Combine(folder, subfolder?.Invoke(rows[i]) ?? ""), rows[i].ClipName + ".mp4"));
        }
        return created;
    }

    public string AddClip(string folder, string fileName)
    {
        var path = Path.Combine(Videos, folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }

    /// <param name="tools">ffmpeg for the index's clips that only ffprobe reads; --check gets it anyway. Without it,
    /// annotate needs no ffmpeg (the fast tier).</param>
    public Task<ListsSummary> RunAsync(Func<AnnotateOptions, AnnotateOptions>? configure = null, MediaTools? tools = null)
    {
        Directory.CreateDirectory(Videos);
        var options = configure?.Invoke(new AnnotateOptions(Annotations, Videos, Out)) ?? new AnnotateOptions(Annotations, Videos, Out);
        return new Annotator(options, tools ?? (options.Check ? Media.Tools : null)).RunAsync(CancellationToken.None);
    }

    public string[] OutLines(string name) => File.ReadAllLines(Path.Combine(Out, name));

    public void Dispose() => _temp.Dispose();
}
