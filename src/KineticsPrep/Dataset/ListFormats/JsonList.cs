using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>mmaction2's JSON list of <c>{"filename", "label"}</c> (split.json).</summary>
public sealed class JsonList : ListFormat
{
    [ModuleInitializer]
    internal static void Add() => Register(new JsonList());

    public override string Name => "json";

    public override string Description => "mmaction2's JSON list of {\"filename\", \"label\"}";

    protected override int Order => 3;

    public override string PathFor(string listsFolder, string split) => Path.Combine(listsFolder, split + ".json");

    public override bool Holds(string listsFolder, string split) => File.Exists(PathFor(listsFolder, split));

    public override void Write(string path, IReadOnlyList<ListedClip> entries, IReadOnlyList<string> labels, Func<string, string> displayPath) =>
        AtomicFile.Write(path, writer =>
        {
            var items = entries.Select(e => new JsonListItem(displayPath(e.Path), e.LabelId)).ToList();
            writer.Write(JsonSerializer.Serialize(items, DatasetJson.OneLine.ListJsonListItem));
            writer.Write('\n');
        });

    public override IReadOnlyList<ListLine> Read(string path, IReadOnlyList<string> labels) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .Select(item => new ListLine(
                item!["filename"]!.GetValue<string>(), item["label"]!.GetValue<int>(), item.ToJsonString(DatasetJson.OneLine.Options)))
            .ToList();

    public override void Rewrite(string path, IReadOnlyList<ListLine> kept, IReadOnlyList<ListLine> removed) =>
        AtomicFile.WriteAllText(path, $"[{string.Join(',', kept.Select(line => line.Text))}]\n");
}
