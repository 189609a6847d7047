using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Download;

/// <summary>
/// Where a partial file goes on: from its end, asking for the rest of the same version only (If-Range with the ETag
/// or Last-Modified recorded in the state store when it was started), so that a file replaced on the server in the
/// meantime starts over instead of being spliced onto the old one's first bytes. Without a store, a resume is asked
/// for without a version.
/// </summary>
internal sealed class ResumePolicy(StateStore? state, IProgress<string>? notes)
{
    /// <summary>The bytes to append to <paramref name="partial"/>: from its end when the server resumes, else from zero
    /// (the new version's validator recorded, and a note said).</summary>
    /// <exception cref="RetryableDownloadException">The server refused the range for a file that is not yet whole
    /// (416): the partial file is deleted and the next try starts over.</exception>
    public async Task<FileSource> OpenAsync(MirrorTransport transport, string url, string partial, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        var validator = existing > 0 ? state?.PartialValidator(partial, url) : null;
        var source = await transport.OpenAsync(url, existing, validator, cancellationToken);
        if (source.RangeRefused)
        {
            // Killed after the last byte but before the rename: the partial file is already whole.
            if (source.Total == existing)
                return source;
            source.Dispose();
            File.Delete(partial);
            throw new RetryableDownloadException("the server refused to resume (416); starting over");
        }
        if (Mirror.LocalPath(url) is not null || (source.Offset == existing && existing > 0))
            return source;
        if (existing > 0)
            notes?.Report(validator is not null
                ? $"{url}: the file changed on the server since its partial download began; starting again from zero"
                : $"{url}: the server did not resume the partial download; starting again from zero");
        state?.RecordPartialValidator(partial, url, source.Validator);
        return source;
    }

    /// <summary>The partial file is gone (renamed into place, or thrown away): its version is forgotten.</summary>
    public void Forget(string partial, string url) => state?.RecordPartialValidator(partial, url, null);
}
