namespace KineticsPrep.Resize;

/// <summary>The output frame size: the displayed frame scaled so its short side is the target, both sides even.</summary>
public sealed record TargetSize(int Width, int Height)
{
    public static TargetSize For(int displayWidth, int displayHeight, int shortSide, bool upscale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(displayWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(displayHeight, 1);

        var sourceShort = Math.Min(displayWidth, displayHeight);
        if (sourceShort <= shortSide && !upscale)
            return new TargetSize(EvenAtLeastTwo(displayWidth), EvenAtLeastTwo(displayHeight));

        var sourceLong = Math.Max(displayWidth, displayHeight);
        var scaledLong = EvenAtLeastTwo((int)Math.Round(sourceLong * (double)shortSide / sourceShort / 2.0, MidpointRounding.AwayFromZero) * 2);
        return displayWidth <= displayHeight
            ? new TargetSize(shortSide, scaledLong)
            : new TargetSize(scaledLong, shortSide);
    }

    private static int EvenAtLeastTwo(int value) => Math.Max(2, value - value % 2);
}
