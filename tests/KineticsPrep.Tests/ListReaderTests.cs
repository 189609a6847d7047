using KineticsPrep.Dataset;
using KineticsPrep.Verify;

namespace KineticsPrep.Tests;

/// <summary>Every list format reads back what it wrote, and verify's list fixing works on each of them.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ListReaderTests : IDisposable
{
    private readonly TempFolder _out = new();
    private static readonly string[] Labels = ["abseiling", "air drumming", "AC/DC air guitar"];

    private static IReadOnlyList<ListEntry> Entries(string folder) =>
    [
        new(Path.Combine(folder, "a b, c_000000_000010.mp4"), 0, new AnnotationRow("abseiling", "a b, c", 0, 10, "train", 2)),
        new(Path.Combine(folder, "x_000010_000020.mp4"), 2, new AnnotationRow("AC/DC air guitar", "x", 10, 20, "train", 3)),
        new(Path.Combine(folder, "y_000020_000030.mp4"), -1, new AnnotationRow(null, "y", 20, 30, "train", 4)),
    ];

    public void Dispose() => _out.Dispose();

    [Theory]
    [InlineData(ListFormat.Csv)]
    [InlineData(ListFormat.Json)]
    [InlineData(ListFormat.Folders)]
    public void Each_format_reads_back_the_paths_and_ids_it_wrote_and_is_told_apart_by_its_files(ListFormat format)
    {
        var entries = Entries(_out.Combine("clips"));
        ListWriter.Write(format, _out.Path, "train", entries, Labels, path => path);

        Assert.Equal(format, ListReader.FormatOf(_out.Path, "train"));
        Assert.Equal(entries.Select(e => (e.Path, e.LabelId)).OrderBy(e => e.Path, StringComparer.Ordinal),
            ListReader.Read(_out.Path, "train", format, Labels).Select(l => (l.Path, l.LabelId)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ListFormat.VideoMae)]
    [InlineData(ListFormat.UniFormerV2)]
    public void The_separated_formats_read_back_too_and_a_split_without_a_list_has_no_format(ListFormat format)
    {
        var entries = Entries(_out.Combine("clips")).Skip(1).ToList();
        ListWriter.Write(format, _out.Path, "val", entries, Labels, path => path);

        Assert.Equal(format, ListReader.FormatOf(_out.Path, "val"));
        Assert.Equal(entries.Select(e => (e.Path, e.LabelId)), ListReader.Read(_out.Path, "val", format, Labels).Select(l => (l.Path, l.LabelId)));
        Assert.Null(ListReader.FormatOf(_out.Path, "test"));
    }

    [Theory]
    [InlineData(ListFormat.VideoMae)]
    [InlineData(ListFormat.UniFormerV2)]
    [InlineData(ListFormat.Csv)]
    [InlineData(ListFormat.Json)]
    [InlineData(ListFormat.Folders)]
    public void List_fixing_removes_exactly_the_bad_clips_in_every_format(ListFormat format)
    {
        var entries = Entries(_out.Combine("clips")).Skip(format is ListFormat.VideoMae or ListFormat.UniFormerV2 ? 1 : 0).ToList();
        ListWriter.Write(format, _out.Path, "train", entries, Labels, path => path);
        File.WriteAllLines(_out.Combine(DatasetRoot.LabelsFileName), Labels);

        var removed = ListFixer.RemoveClips(_out.Path, new HashSet<string> { entries[^1].Path });

        Assert.Equal(1, removed);
        Assert.Equal(entries.SkipLast(1).Select(e => e.Path).Order(StringComparer.Ordinal),
            ListReader.Read(_out.Path, "train", format, Labels).Select(l => l.Path).Order(StringComparer.Ordinal));
    }
}
