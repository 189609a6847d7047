using KineticsPrep.Demo;

namespace KineticsPrep.Tests;

/// <summary>
/// Synthetic K400, K600 and K700-2020 mirrors in their real CVDF layouts, in one tree served by nginx, whose releases
/// share YouTube ids as the real ones do: K600's train ids start inside K400's train and run through K400's val and
/// test; K700's train runs through K600's train and val, its val into K600's val; K700 cuts the odd ids it shares at
/// other times; K400's "dying hair" is K700's "dyeing hair". One <c>prepare k710</c> of it, shared by the tests.
/// </summary>
public sealed class K710Fixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _mirror = new();
    private readonly TempFolder _roots = new();

    public async Task InitializeAsync()
    {
        var layouts = new SyntheticMirror.Layout[]
        {
            new("k400", ClipSeconds: 1, ClassNames: ["abseiling", "air drumming", "dying hair"]),
            new("k600", ClipSeconds: 1, IdOffset: 6),
            new("k700-2020", ClipSeconds: 1, IdOffset: 12, OddIdShift: 1, ClassNames: ["abseiling", "air drumming", "dyeing hair"]),
        };
        foreach (var layout in layouts)
            await SyntheticMirror.BuildAsync(_mirror.Path, Media.Tools, layout, CancellationToken.None);
        Nginx = new NginxServer(_mirror.Path);
        Run = await CliRunner.RunAsync("prepare", "k710", "--root", Root, "--mirror", Nginx.Url);
    }

    public string Mirror => _mirror.Path;

    public NginxServer Nginx { get; private set; } = null!;

    public string Root => NewRoot("k710");

    public CliRunner.Result Run { get; private set; } = null!;

    public string NewRoot(string name) => _roots.Combine(name);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Nginx.Dispose();
        _mirror.Dispose();
        _roots.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class K710Collection : ICollectionFixture<K710Fixture>
{
    public const string Name = "k710";
}
