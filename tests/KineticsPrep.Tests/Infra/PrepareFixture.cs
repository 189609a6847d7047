using KineticsPrep.Demo;

namespace KineticsPrep.Tests;

/// <summary>
/// A synthetic K400 mirror served by nginx, and a reference run of prepare against it, built once and shared by every
/// test class in the "prepare" collection.
/// </summary>
public sealed class PrepareFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _mirror = new();
    private readonly TempFolder _roots = new();

    public async Task InitializeAsync()
    {
        await SyntheticMirror.BuildAsync(_mirror.Path, Media.Tools, new SyntheticMirror.Layout(ClipSeconds: 1), CancellationToken.None);
        Nginx = new NginxServer(_mirror.Path);
        SlowNginx = new NginxServer(_mirror.Path, limitRate: "100k");
        ReferenceRun = await CliRunner.RunAsync(Prepare(Reference));
    }

    public NginxServer Nginx { get; private set; } = null!;

    public string Mirror => _mirror.Path;

    /// <summary>The same mirror at 100 KB/s per connection, so that a run lasts long enough to be killed at many points.</summary>
    public NginxServer SlowNginx { get; private set; } = null!;

    public string Reference => NewRoot("reference");

    public CliRunner.Result ReferenceRun { get; private set; } = null!;

    public string NewRoot(string name) => _roots.Combine(name);

    /// <summary>A copy of the reference root that a test may change, whose lists name its own clips.</summary>
    public string CopyOfReference(string name)
    {
        var copy = NewRoot(name);
        TempFolder.CopyTree(Reference, copy);
        MoveLists(Path.Combine(copy, "lists"), Reference, copy);
        return copy;
    }

    /// <summary>Makes the lists of a copied root name the copy's clips: every path under <paramref name="from"/> now under <paramref name="to"/>.</summary>
    public static void MoveLists(string lists, string from, string to)
    {
        foreach (var list in Directory.GetFiles(lists))
        {
            if (!list.EndsWith(".gz", StringComparison.Ordinal))
            {
                File.WriteAllText(list, File.ReadAllText(list).Replace(from, to, StringComparison.Ordinal));
                continue;
            }
            var text = ListFile(list, "\0").Replace(from, to, StringComparison.Ordinal);
            using var gzip = new System.IO.Compression.GZipStream(File.Create(list), System.IO.Compression.CompressionLevel.Fastest);
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
    }

    public string[] Prepare(string root, params string[] extra) => PrepareFrom(Nginx, root, extra);

    public static string[] PrepareFrom(NginxServer server, string root, params string[] extra) =>
        ["prepare", "k400", "--root", root, "--mirror", server.Url, .. extra];

    /// <summary>Every file under a folder by its relative path, with its SHA-256.</summary>
    public static SortedDictionary<string, string> Hashes(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    /// <summary>Every file under the root's resized clips and lists, relative, with list contents made root-independent.</summary>
    public static SortedDictionary<string, string> Result(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "videos_320p", "lists" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                result[relative] = folder == "lists" ? ListFile(file, root) : new FileInfo(file).Length > 0 ? "clip" : "empty";
            }
        }
        return result;
    }

    /// <summary>
    /// A file of a lists folder as text, made root-independent: the manifest unzipped, and manifest.json without the
    /// time it was written and the server it came from (URLs, ETags): runs to the same dataset from two test servers.
    /// </summary>
    public static string ListFile(string file, string root)
    {
        string text;
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
            text = new StreamReader(gzip).ReadToEnd();
        }
        else
        {
            text = File.ReadAllText(file);
        }
        string[] fromTheRun = ["\"written\":", "\"mirror\":", "\"url\":", "\"etag\":"];
        var lines = text.Split('\n').Where(line => !fromTheRun.Any(key => line.TrimStart().StartsWith(key, StringComparison.Ordinal)));
        return string.Join('\n', lines).Replace(root, "ROOT", StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Nginx.Dispose();
        SlowNginx.Dispose();
        _mirror.Dispose();
        _roots.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PrepareCollection : ICollectionFixture<PrepareFixture>
{
    public const string Name = "prepare";
}
