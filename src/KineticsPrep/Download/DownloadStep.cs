using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Download;

/// <summary>
/// Downloading one file and recording the outcome in the state store: the one step that both <c>download</c> and
/// <c>prepare</c> take for each file.
/// </summary>
public sealed class DownloadStep
{
    private readonly StateStore _state;
    private readonly DatasetRoot _root;
    private readonly ConcurrentQueue<string> _notes = new();

    public DownloadStep(FileDownloader downloader, StateStore state)
    {
        _state = state;
        _root = state.Root;
        Files = downloader.WithState(state, new DelegateProgress<string>(_notes.Enqueue));
    }

    /// <summary>The downloader, keeping partial files' versions in the state store.</summary>
    public FileDownloader Files { get; }

    /// <summary>Which files started over, and why.</summary>
    public IReadOnlyList<string> Notes => _notes.ToList();

    /// <summary>Recorded as complete and still there at that size, or already extracted (and maybe deleted).</summary>
    public bool IsDone(DownloadItem item)
    {
        return _state.IsExtracted(_root.Key(item.Target)) || IsRecordedWhole(_state, item);
    }

    /// <summary>Recorded as complete in <paramref name="store"/> (this run's or another shard's), and still there at that size.</summary>
    public static bool IsRecordedWhole(StateStore store, DownloadItem item) =>
        store.FindDownload(store.Root.Key(item.Target)) is { } record && File.Exists(item.Target) && new FileInfo(item.Target).Length == record.Bytes;

    /// <returns>The file when it arrived whole, or why not (also recorded in the state store, until a later run gets it).</returns>
    public async Task<(FileDownloader.Result? Result, string? Failure)> RunAsync(DownloadItem item, ItemProgress? progress, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Files.DownloadAsync(item.Url, item.Target, progress, cancellationToken);
            if (item.IsAnnotation && AnnotationCsv.Foreign(item.Target) is { } foreign)
            {
                File.Delete(item.Target);
                throw new DownloadFailedException($"{item.Url}: {foreign}; it will be fetched again on the next run");
            }
            _state.RecordDownload(new DownloadRecord(_root.Key(item.Target), item.Url, item.Split, result.Bytes, result.Sha256, result.ETag));
            return (result, null);
        }
        catch (DownloadFailedException e)
        {
            _state.RecordFailure(_root.Key(item.Target), "download", e.Message);
            return (null, e.Message);
        }
    }
}
