using System.Text.RegularExpressions;

namespace KineticsPrep.Tests;

/// <summary>
/// The library's layering, read from its sources: each folder is one namespace and may use only the folders that the
/// layering table of docs/ARCHITECTURE.md gives it (the stages know Dataset, Media and State, never each other; only Pipeline
/// composes them); nothing writes to the console.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed partial class LayeringTests
{
    private static string Library { get; } = FindLibrary();

    /// <summary>The README's "| folder | may use |" table: folder (root as "") to the folders it may use.</summary>
    private static readonly Dictionary<string, string[]> Allowed = ReadLayeringTable();

    public static TheoryData<string> Folders() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_folder_uses_only_the_folders_it_may(string folder)
    {
        var violations = Sources(folder)
            .SelectMany(file => UsedFolders(File.ReadAllText(file))
                .Where(used => used != folder && !Allowed[folder].Contains(used))
                .Select(used => $"{Path.GetRelativePath(Library, file)} uses KineticsPrep.{used}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Every_file_is_in_the_namespace_of_its_folder()
    {
        var misplaced = Allowed.Keys.SelectMany(folder => Sources(folder)
                .Where(file => !File.ReadAllText(file).Contains($"namespace {Namespace(folder)};", StringComparison.Ordinal))
                .Select(file => Path.GetRelativePath(Library, file)))
            .ToList();
        Assert.Empty(misplaced);
        Assert.DoesNotContain(Directory.GetDirectories(Library).Select(Path.GetFileName),
            name => name is not ("bin" or "obj") && !Allowed.ContainsKey(name!));
    }

    [Fact]
    public void The_library_never_touches_the_console()
    {
        var console = Allowed.Keys.SelectMany(Sources).Where(file => ConsoleUse().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Library, file)).ToList();
        Assert.Empty(console);
    }

    [Fact]
    public void The_library_root_folder_holds_no_source_file() =>
        Assert.Empty(Directory.GetFiles(Library, "*.cs").Select(Path.GetFileName));

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var source = Path.GetDirectoryName(Library)!;
        var tooLong = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(IsSource)
            .Select(file => (File: Path.GetRelativePath(source, file), Lines: File.ReadLines(file).Count()))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.Empty(tooLong);
    }

    /// <summary>The CLI's files, outside bin/ and obj/.</summary>
    private static IEnumerable<string> CliSources() =>
        Directory.GetFiles(Path.Combine(Library, "..", "KineticsPrep.Cli"), "*.cs", SearchOption.AllDirectories).Where(IsSource);

    private static bool IsSource(string file) =>
        !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [Fact]
    public void Only_the_writing_command_shape_takes_the_writer_lock_or_opens_a_store_for_writing()
    {
        var elsewhere = CliSources()
            .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) != "Writing")
            .Where(file => WriterUse().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetFileName(file))
            .ToList();
        Assert.Empty(elsewhere);
    }

    [Fact]
    public void No_test_blocks_on_async_work()
    {
        var tests = Path.Combine(Library, "..", "..", "tests", "KineticsPrep.Tests");
        var blocking = Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories).Where(IsSource)
            .Where(file => BlockingOnAsync().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(tests, file))
            .ToList();
        Assert.Empty(blocking);
    }

    [GeneratedRegex(@"\bWriterLock\.|\bStateStore\.Open\(")]
    private static partial Regex WriterUse();

    [GeneratedRegex(@"\.GetAwaiter\(\)\s*\.\s*GetResult\(|\.Wait\(\)")]
    private static partial Regex BlockingOnAsync();

    private static IEnumerable<string> Sources(string folder) =>
        Directory.GetFiles(Path.Combine(Library, folder), "*.cs", SearchOption.AllDirectories);

    private static string Namespace(string folder) => $"KineticsPrep.{folder}";

    /// <summary>The library folders a source file names, in using directives or in qualified names.</summary>
    private static IEnumerable<string> UsedFolders(string source) =>
        LibraryReference().Matches(source).Select(m => m.Groups[1].Value).Where(Allowed.ContainsKey).Distinct();

    [GeneratedRegex(@"\bKineticsPrep\.(\w+)\b")]
    private static partial Regex LibraryReference();

    [GeneratedRegex(@"\bConsole\.")]
    private static partial Regex ConsoleUse();

    private static Dictionary<string, string[]> ReadLayeringTable()
    {
        var architecture = Path.Combine(Library, "..", "..", "docs", "ARCHITECTURE.md");
        var rows = File.ReadLines(architecture)
            .SkipWhile(line => !line.StartsWith("| folder | may use |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(
                cells => cells[1],
                cells => cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.True(rows.Count > 0, $"no layering table in {architecture}");
        return rows;
    }

    private static string FindLibrary()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var library = Path.Combine(dir.FullName, "src", "KineticsPrep");
            if (File.Exists(Path.Combine(library, "KineticsPrep.csproj")))
                return library;
        }
        throw new DirectoryNotFoundException("src/KineticsPrep not found above " + AppContext.BaseDirectory);
    }
}
