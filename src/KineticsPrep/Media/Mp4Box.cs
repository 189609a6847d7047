namespace KineticsPrep.Media;

/// <summary>A box of an ISO base media file (mp4): its type and where its content lies.</summary>
internal readonly record struct Mp4Box(string Type, long Start, long End);
