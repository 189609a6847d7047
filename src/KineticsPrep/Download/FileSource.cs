namespace KineticsPrep.Download;

/// <summary>
/// A file's bytes as a server (or a local mirror) sends them: the body starts at <see cref="Offset"/>; the whole
/// file's size, ETag and version validator when the server says them; <see cref="Chunked"/> when the body came in
/// chunked encoding, which marks its own end; <see cref="RangeRefused"/> for a 416 answer to a Range request, whose
/// <see cref="Total"/> is then the size the server says the file has.
/// </summary>
internal sealed class FileSource(Stream body, long offset, long? total, IDisposable? owner = null) : IDisposable
{
    public Stream Body { get; } = body;
    public long Offset { get; } = offset;
    public long? Total { get; } = total;
    public string? ETag { get; init; }
    public string? Validator { get; init; }
    public bool Chunked { get; init; }
    public bool RangeRefused { get; init; }

    public void Dispose()
    {
        Body.Dispose();
        owner?.Dispose();
    }
}
