using KineticsPrep.Dataset;
using KineticsPrep.Verify;

namespace KineticsPrep.Tests;

/// <summary>Every list format reads back what it wrote, and verify's list fixing works on each of them.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class ListReaderTests : IDisposable
{
    private readonly TempFolder _out = new();
    private static readonly string[] Labels = ["abseiling", "air drumming", "AC/DC air guitar"];

    private static IReadOnlyList<ListedClip> Entries(string folder)
    {
        var clips = new ClipFolder(folder, ".mp4", NamedById: false);
        return
        [
            new(clips, 0, new AnnotationRow("abseiling", "a b, c", 0, 10, "train", 2), isReplacement: false),
            new(clips, 2, new AnnotationRow("AC/DC air guitar", "x", 10, 20, "train", 3), isReplacement: false),
            new(clips, -1, new AnnotationRow(null, "y", 20, 30, "train", 4), isReplacement: false),
        ];
    }

    public void Dispose() => _out.Dispose();

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("folders")]
    public void Each_format_reads_back_the_paths_and_ids_it_wrote_and_is_told_apart_by_its_files(string name)
    {
        var format = ListFormat.Find(name)!;
        var entries = Entries(_out.Combine("clips"));
        format.Write(format.PathFor(_out.Path, "train"), entries, Labels, path => path);

        Assert.Equal(format, ListFormat.Of(_out.Path, "train"));
        Assert.Equal(entries.Select(e => (e.Path, e.LabelId)).OrderBy(e => e.Path, StringComparer.Ordinal),
            ListReader.Read(_out.Path, "train", format, Labels).Select(l => (l.Path, l.LabelId)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("videomae")]
    [InlineData("uniformerv2")]
    public void The_separated_formats_read_back_too_and_a_split_without_a_list_has_no_format(string name)
    {
        var format = ListFormat.Find(name)!;
        var entries = Entries(_out.Combine("clips")).Skip(1).ToList();
        format.Write(format.PathFor(_out.Path, "val"), entries, Labels, path => path);

        Assert.Equal(format, ListFormat.Of(_out.Path, "val"));
        Assert.Equal(entries.Select(e => (e.Path, e.LabelId)), ListReader.Read(_out.Path, "val", format, Labels).Select(l => (l.Path, l.LabelId)));
        Assert.Null(ListFormat.Of(_out.Path, "test"));
    }

    [Fact]
    public void The_registry_holds_the_five_formats_and_their_aliases_once_each()
    {
        Assert.Equal(["videomae", "uniformerv2", "csv", "json", "folders"], ListFormat.All.Select(f => f.Name));
        Assert.Equal(ListFormat.Names.Count, ListFormat.Names.Distinct().Count());
        Assert.Same(ListFormat.Find("videomae"), ListFormat.Find("mmaction2"));
        Assert.Same(ListFormat.Find("uniformerv2"), ListFormat.Find("internvideo"));
    }

    /// <summary>Every registered format: a new one is tested here without being named.</summary>
    public static TheoryData<string> EveryFormat => new(ListFormat.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Every_format_counts_the_clips_it_wrote_and_a_separated_list_with_a_line_it_cannot_read_is_refused_plainly(string name)
    {
        var format = ListFormat.Find(name)!;
        var path = format.PathFor(_out.Path, "train");
        // Not the first entry, whose name the separated lists cannot hold.
        format.Write(path, Entries(_out.Combine("clips")).Skip(1).ToList(), Labels, clip => clip);

        Assert.Equal(2, format.Count(path, Labels));
        if (format is SeparatedList)
        {
            File.AppendAllText(path, "a_line_without_an_id\n");
            Assert.Throws<FormatException>(() => format.Count(path, Labels));
            Assert.Throws<FormatException>(() => format.Read(path, Labels));
        }
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void List_fixing_removes_exactly_the_bad_clips_in_every_format(string name)
    {
        var format = ListFormat.Find(name)!;
        var entries = Entries(_out.Combine("clips")).Skip(format is SeparatedList ? 1 : 0).ToList();
        format.Write(format.PathFor(_out.Path, "train"), entries, Labels, path => path);
        File.WriteAllLines(_out.Combine(DatasetRoot.LabelsFileName), Labels);

        var removed = ListFixer.RemoveClips(_out.Path, new HashSet<string> { entries[^1].Path });

        Assert.Equal(1, removed);
        Assert.Equal(entries.SkipLast(1).Select(e => e.Path).Order(StringComparer.Ordinal),
            ListReader.Read(_out.Path, "train", format, Labels).Select(l => l.Path).Order(StringComparer.Ordinal));
    }
}
