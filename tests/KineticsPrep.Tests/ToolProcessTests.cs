using KineticsPrep.Media;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class ToolProcessTests
{
    [Fact]
    public void The_reason_drops_context_and_input_prefixes_and_fits_on_one_line()
    {
        string[] stderr =
        [
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0c8a3b2c0] moov atom not found",
            "file:/data/my clip.mp4: Invalid data found when processing input",
        ];
        Assert.Equal(
            "moov atom not found; Invalid data found when processing input",
            ToolProcess.Reason(stderr, "file:/data/my clip.mp4", "fallback"));
    }

    [Fact]
    public void Repeated_messages_are_given_once_and_only_the_last_three_are_kept()
    {
        string[] stderr = ["a", "b", "b", "c", "d", "d"];
        Assert.Equal("b; c; d", ToolProcess.Reason(stderr, "x", "fallback"));
    }

    [Fact]
    public void Messages_that_differ_only_in_offsets_collapse_into_one()
    {
        string[] stderr =
        [
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d7581af880] stream 0, offset 0xee58: partial file",
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d7581af880] stream 0, offset 0x10590: partial file",
        ];
        Assert.Equal("stream 0, offset 0x…: partial file", ToolProcess.Reason(stderr, "x", "fallback"));
    }

    [Fact]
    public void Without_stderr_the_fallback_is_the_reason() =>
        Assert.Equal("exited with code 1", ToolProcess.Reason([], "x", "exited with code 1"));
}
