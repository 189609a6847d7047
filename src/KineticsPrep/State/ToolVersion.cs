using System.Reflection;

namespace KineticsPrep.State;

/// <summary>This build's version, as <c>--version</c> prints it.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
