using System.Runtime.CompilerServices;

namespace KineticsPrep.Dataset;

/// <summary><c>PATH,LABEL_ID</c> lines, no header (split.csv): UniFormerV2 and InternVideo, whose loaders split on ','.</summary>
public sealed class UniFormerV2List : SeparatedList
{
    [ModuleInitializer]
    internal static void Add() => Register(new UniFormerV2List());

    public override string Name => "uniformerv2";

    public override IReadOnlyList<string> Aliases => ["internvideo"];

    public override string Description => "PATH,LABEL_ID lines (UniFormerV2, InternVideo)";

    protected override int Order => 1;

    protected override char Separator => ',';

    protected override string Breaker => "a comma";

    protected override bool Breaks(char c) => c == ',';

    /// <summary>A line whose last separator is a comma, not a space.</summary>
    internal static bool IsCommaLine(string line) => line.LastIndexOf(',') > line.LastIndexOf(' ');

    public override bool Holds(string listsFolder, string split) =>
        FirstLine(PathFor(listsFolder, split)) is { } first && first != CsvList.Header && IsCommaLine(first);
}
