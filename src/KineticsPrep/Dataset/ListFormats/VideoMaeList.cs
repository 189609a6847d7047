using System.Runtime.CompilerServices;

namespace KineticsPrep.Dataset;

/// <summary><c>PATH LABEL_ID</c> lines, no header (split.csv): VideoMAE, SlowFast and mmaction2.</summary>
public sealed class VideoMaeList : SeparatedList
{
    public const string FormatName = "videomae";

    [ModuleInitializer]
    internal static void Add() => Register(new VideoMaeList());

    public override string Name => FormatName;

    public override IReadOnlyList<string> Aliases => ["slowfast", "mmaction2"];

    public override string Description => "PATH LABEL_ID lines (VideoMAE, SlowFast, mmaction2)";

    protected override int Order => 0;

    protected override char Separator => ' ';

    protected override string Breaker => "whitespace";

    protected override bool Breaks(char c) => char.IsWhiteSpace(c);

    /// <summary>A split.csv that is neither the csv format (its header) nor comma-separated lines.</summary>
    public override bool Holds(string listsFolder, string split) =>
        FirstLine(PathFor(listsFolder, split)) is { } first && first != CsvList.Header && !UniFormerV2List.IsCommaLine(first);
}
