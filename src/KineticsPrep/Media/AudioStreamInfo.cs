namespace KineticsPrep.Media;

public sealed record AudioStreamInfo(int StreamIndex, string Codec);
