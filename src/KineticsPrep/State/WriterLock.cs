using System.Diagnostics;
using System.Globalization;
using KineticsPrep.Dataset;
using KineticsPrep.IO;

namespace KineticsPrep.State;

/// <summary>
/// One writer per dataset root (or per prepare shard), held for the life of a run. Two independent checks, because
/// network file systems keep locks unevenly:
/// <list type="number">
/// <item>an OS lock on <c>NAME.lock</c> (flock on Linux and macOS), released by the kernel when the process dies,
/// however it dies;</item>
/// <item>an owner file, <c>NAME.owner</c>, made with exclusive create, that names the holder's host and PID and is
/// touched every <see cref="Heartbeat"/>. It is judged stale only when the holder's host is this one and its process
/// is gone, or when another host has not touched it for <see cref="StaleAfter"/>.</item>
/// </list>
/// On NFS and Lustre, flock may be advisory per client or a no-op (Lustre mounted without <c>flock</c>); the owner
/// file still stops a second run, as exclusive create is atomic there (NFSv3 and later).
/// </summary>
public sealed class WriterLock : IDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    // What .NET reports for a file another process has locked: the errno of flock's EWOULDBLOCK (Linux 11, macOS 35),
    // or Windows' ERROR_SHARING_VIOLATION.
    private static readonly int[] LockedCodes = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream _lock;
    private readonly string _ownerPath;
    private readonly Timer _heartbeat;
    private FileStream? _root;

    private WriterLock(FileStream fileLock, string ownerPath)
    {
        _lock = fileLock;
        _ownerPath = ownerPath;
        _heartbeat = new Timer(_ => Touch(), null, Heartbeat, Heartbeat);
    }

    /// <summary>The root-wide lock beside every store's own: prepare's shards share it, any other writer holds it alone.</summary>
    private const string RootLockName = "root";

    /// <summary>Takes the lock named <paramref name="name"/> in <paramref name="stateFolder"/>, or says who holds it.</summary>
    /// <param name="what">What is being written, for the message: "the dataset root /data/k400".</param>
    /// <exception cref="WriterLockException">Another run holds it.</exception>
    public static WriterLock Acquire(string stateFolder, string name, string what)
    {
        Directory.CreateDirectory(stateFolder);
        var lockPath = Path.Combine(stateFolder, name + ".lock");
        var ownerPath = Path.Combine(stateFolder, name + ".owner");
        FileStream fileLock;
        try
        {
            // FileShare.None takes an exclusive, non-blocking flock on Unix.
            fileLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (LockedCodes.Contains(e.HResult))
        {
            throw Held(what, Owner.Read(ownerPath), ownerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !DiskSpace.IsFull(e))
        {
            throw Unwritable(stateFolder, e);
        }
        try
        {
            ClaimOwnerFile(ownerPath, what);
            return new WriterLock(fileLock, ownerPath);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The writer's lock of a dataset root (or of a resize destination, or a lists folder): its store's own lock, and
    /// the root-wide one, which prepare's shards (each with a store of its own) share and any other run holds alone: so
    /// a plain run and a shard run on one root never run at once, in either order, while shards run side by side.
    /// </summary>
    /// <exception cref="WriterLockException">Another run holds either.</exception>
    public static WriterLock ForRoot(DatasetRoot root, string name = StateStore.DefaultName)
    {
        var shard = name != StateStore.DefaultName;
        var rootLock = HoldRoot(root, shared: shard);
        try
        {
            var held = Acquire(root.StateFolder, name, shard ? $"{root.Path} ({name})" : root.Path);
            held._root = rootLock;
            return held;
        }
        catch
        {
            rootLock.Dispose();
            throw;
        }
    }

    /// <summary>The root-wide flock: shared (LOCK_SH) for a shard, exclusive for any other writer.</summary>
    private static FileStream HoldRoot(DatasetRoot root, bool shared)
    {
        var path = Path.Combine(root.StateFolder, RootLockName + ".lock");
        try
        {
            Directory.CreateDirectory(root.StateFolder);
            // .NET takes flock's LOCK_SH for a file opened to be shared, and LOCK_EX for one that is not.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, shared ? FileShare.ReadWrite : FileShare.None);
        }
        catch (IOException e) when (LockedCodes.Contains(e.HResult))
        {
            var owners = Directory.GetFiles(root.StateFolder, "*.owner").Select(Owner.Read).OfType<Owner>().ToList();
            throw new WriterLockException(held: true,
                $"another kinetics-prep is writing {root.Path}" +
                (owners.Count == 0 ? "" : $" ({string.Join("; ", owners)})") +
                (shared ? ": a run that is not a shard of the same prepare" : ": prepare's shards") +
                ". Wait for it to finish or stop it, then run again; 'status' and 'report' work meanwhile. " +
                "A root is prepared either whole or as shards (then --finalize), one after the other, never both at once.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !DiskSpace.IsFull(e))
        {
            throw Unwritable(root.StateFolder, e);
        }
    }

    /// <summary>As <see cref="Acquire"/>, but waits for the holder to let go: for short shared work, such as fetching
    /// the annotation files that every shard needs.</summary>
    public static async Task<WriterLock> WaitAsync(string stateFolder, string name, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return Acquire(stateFolder, name, what);
            }
            catch (WriterLockException e) when (e.Held)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private static void ClaimOwnerFile(string ownerPath, string what)
    {
        // The owner file appears whole or not at all, so that no reader takes a half-written one for a stale one: it is
        // written under a name of this process's own, then moved into place, which fails when one is there (link(2)).
        var mine = $"{ownerPath}.{Environment.ProcessId}.tmp";
        File.WriteAllText(mine, Owner.Current.Line);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    File.Move(mine, ownerPath, overwrite: false);
                    return;
                }
                catch (IOException) when (File.Exists(ownerPath) && attempt == 0)
                {
                    var owner = Owner.Read(ownerPath);
                    var touched = File.GetLastWriteTimeUtc(ownerPath);
                    if (!(owner?.IsStale(touched) ?? DateTime.UtcNow - touched > StaleAfter))
                        throw Held(what, owner, ownerPath);
                    File.Delete(ownerPath);
                }
            }
        }
        finally
        {
            File.Delete(mine);
        }
    }

    /// <summary>
    /// Whether a writer is at work on the root: one of its lock files is flock-held (probed with a shared lock, let go
    /// at once), or an owner file names a live holder (on another host: a recent heartbeat). A run killed with -9 leaves
    /// neither: the kernel let go of its flock, and its owner file is stale.
    /// </summary>
    internal static bool IsRunning(DatasetRoot root) =>
        Directory.Exists(root.StateFolder)
        && (Directory.GetFiles(root.StateFolder, "*.lock").Any(IsHeld)
            || Directory.GetFiles(root.StateFolder, "*.owner").Any(path => Owner.Read(path) is { } owner && !owner.IsStale(File.GetLastWriteTimeUtc(path))));

    private static bool IsHeld(string lockFile)
    {
        try
        {
            // .NET takes flock's LOCK_SH for a file opened to be shared: it fails while a writer holds LOCK_EX.
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException e) when (LockedCodes.Contains(e.HResult))
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static WriterLockException Unwritable(string stateFolder, Exception e) =>
        new(held: false, $"cannot write under {stateFolder}: {e.Message}. Writing commands need a writable root (not a read-only mount, " +
                         "and yours); 'status' and 'report' only read it.");

    private static WriterLockException Held(string what, Owner? owner, string ownerPath) =>
        new(held: true, $"another kinetics-prep is writing {what}" +
            (owner is null ? "" : $" ({owner})") +
            ". Wait for it to finish or stop it, then run again; 'status' and 'report' work meanwhile. " +
            $"If no such run exists (it died on another host), delete {ownerPath}.");

    private void Touch()
    {
        try
        {
            File.SetLastWriteTimeUtc(_ownerPath, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missed heartbeat only makes the lock look older to another host; the next one may succeed.
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _root?.Dispose();
        try
        {
            File.Delete(_ownerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is judged stale by the next run on this host (this PID is gone by then).
        }
        _lock.Dispose();
    }

    /// <summary>The holder, as its owner file names it: "host pid start-time-ticks".</summary>
    private sealed record Owner(string Host, int Pid, DateTime Started)
    {
        public static Owner Current { get; } = new(Environment.MachineName, Environment.ProcessId, Process.GetCurrentProcess().StartTime.ToUniversalTime());

        /// <summary>The owner file's text.</summary>
        public string Line => string.Create(CultureInfo.InvariantCulture, $"{Host} {Pid} {Started.Ticks}\n");

        /// <summary>For messages: "PID 4242 on node17, since 2026-12-03 08:00:00 UTC".</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PID {Pid} on {Host}, since {Started:yyyy-MM-dd HH:mm:ss} UTC");

        public static Owner? Read(string path)
        {
            try
            {
                var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.TrimEntries);
                return parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
                       && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
                    ? new Owner(parts[0], pid, new DateTime(ticks, DateTimeKind.Utc))
                    : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Gone: on this host, no process with that PID and start time; elsewhere, no heartbeat for a while.</summary>
        public bool IsStale(DateTime lastTouched)
        {
            if (Host != Current.Host)
                return DateTime.UtcNow - lastTouched > StaleAfter;
            try
            {
                using var process = Process.GetProcessById(Pid);
                return Math.Abs((process.StartTime.ToUniversalTime() - Started).TotalSeconds) > 1;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return true;
            }
        }
    }
}
