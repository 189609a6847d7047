using KineticsPrep.Report;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class PlainReasonTests
{
    [Theory]
    [InlineData("System.IO.IOException: No space left on device : '/data/k400/x.mp4'\n   at System.IO.RandomAccess.WriteAtOffset()",
        "the disk was full (No space left on device : '/data/k400/x.mp4')")]
    [InlineData("System.AggregateException: One or more errors occurred. ---> System.UnauthorizedAccessException: Access to the path '/x' is denied.",
        "One or more errors occurred.Access to the path '/x' is denied.")]
    [InlineData("moov atom not found", "the mp4 is cut short (it has no index) (moov atom not found)")]
    [InlineData("Invalid data found when processing input", "not a video ffmpeg can read (Invalid data found when processing input)")]
    [InlineData("HTTP 404 (Not Found)", "HTTP 404 (Not Found)")]
    [InlineData("", "failed, without a reason given")]
    public void A_reason_reads_as_words_without_exception_types_or_stack_frames(string reason, string plain) =>
        Assert.Equal(plain, PlainReason.Of(reason));
}
