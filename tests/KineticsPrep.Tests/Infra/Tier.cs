namespace KineticsPrep.Tests;

/// <summary>
/// The fast tier: tests that need no ffmpeg, no server, no Python and no root, and run in seconds
/// (<c>./test.sh --fast</c>, or <c>dotnet test --filter Tier=Fast</c>). Put <c>[Trait(Tier.Name, Tier.Fast)]</c> on
/// a class only when every test in it is such a test.
/// </summary>
public static class Tier
{
    public const string Name = "Tier";
    public const string Fast = "Fast";
}
