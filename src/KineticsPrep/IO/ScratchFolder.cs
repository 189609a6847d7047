using System.Globalization;

namespace KineticsPrep.IO;

/// <summary>
/// A new folder under the system's temporary folder (or <c>parent</c>), deleted with what is in it. Its name carries
/// this process's id, so that a later run removes the folders of runs killed before they could delete theirs.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    private const string Prefix = "kinetics-prep-";

    public ScratchFolder(string purpose, string? parent = null)
    {
        parent ??= System.IO.Path.GetTempPath();
        RemoveLeftovers(parent);
        Path = Directory.CreateDirectory(System.IO.Path.Combine(parent, $"{Prefix}{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
    }

    /// <summary>Its full path.</summary>
    public string Path { get; }

    /// <summary>A child killed on cancellation may still hold a file for a moment: what cannot be deleted now is
    /// left for the next run to remove.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The scratch folders under <paramref name="parent"/> of processes no longer running.</summary>
    private static void RemoveLeftovers(string parent)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var folder in folders)
        {
            var parts = System.IO.Path.GetFileName(folder).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or being removed by another run.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
            return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
