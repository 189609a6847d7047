namespace KineticsPrep.Resize;

public enum ClipStatus
{
    /// <summary>Decoded, scaled and encoded.</summary>
    Encoded,

    /// <summary>Already H.264 at the target size: the video stream was copied.</summary>
    Copied,

    Failed,
}
