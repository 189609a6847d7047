using KineticsPrep.IO;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class BytesTests
{
    [Theory]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1G", 1L << 30)]
    [InlineData("1gib", 1L << 30)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("256MiB", 256L << 20)]
    [InlineData("1.5 KiB", 1536L)]
    [InlineData("4096", 4096L)]
    [InlineData("4096B", 4096L)]
    [InlineData("2T", 2L << 40)]
    public void Sizes_read_binary_units_unless_written_as_decimal(string text, long bytes) =>
        Assert.Equal(bytes, Bytes.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("GiB")]
    [InlineData("1 GiBs")]
    [InlineData("1PB")]
    [InlineData("-1G")]
    [InlineData("0")]
    public void Text_that_is_no_size_is_refused(string text) => Assert.Null(Bytes.Parse(text));
}
