using System.IO.Hashing;
using System.Text;
using KineticsPrep.Dataset;
using KineticsPrep.IO;

namespace KineticsPrep.Report;

/// <summary>
/// The contact sheet's thumbnails kept from earlier reports, in <c>.kinetics-prep/thumbnails/</c>, each named for its
/// clip (path, size, modification time) and how it was taken: a report of an unchanged root takes none again. Best
/// effort: a root that cannot be written keeps none, and a report still makes its sheet.
/// </summary>
internal sealed class ThumbnailCache(DatasetRoot root, string howTaken)
{
    private string Folder => Path.Combine(root.StateFolder, "thumbnails");

    /// <summary>The name a clip's thumbnail is kept under.</summary>
    public string NameOf(string clip)
    {
        var stamp = FileStamp.Of(clip);
        var key = Encoding.UTF8.GetBytes($"{clip}\t{stamp?.Bytes}\t{stamp?.ModifiedTicks}\t{howTaken}");
        return $"{XxHash64.HashToUInt64(key):x16}.jpg";
    }

    public byte[]? Find(string name)
    {
        var path = Path.Combine(Folder, name);
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the thumbnails of this sheet, and only them.</summary>
    public void KeepOnly(IReadOnlyDictionary<string, byte[]> thumbnails)
    {
        if (!Directory.Exists(root.StateFolder))
            return;
        try
        {
            Directory.CreateDirectory(Folder);
            foreach (var (name, jpeg) in thumbnails.Where(t => !File.Exists(Path.Combine(Folder, t.Key))))
                AtomicFile.WriteBytes(Path.Combine(Folder, name), stream => stream.Write(jpeg));
            foreach (var old in Directory.EnumerateFiles(Folder).Where(f => !thumbnails.ContainsKey(Path.GetFileName(f))).ToList())
                File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DiskFullException)
        {
            // A read-only root, or a full disk: the next report takes the frames again.
        }
    }
}
