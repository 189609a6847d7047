using KineticsPrep.State;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class WriterLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Owner => _folder.Combine("state.owner");

    [Fact]
    public void A_second_writer_is_refused_with_the_holders_pid_and_host_until_the_first_lets_go()
    {
        using (WriterLock.Acquire(_folder.Path, "state", "ROOT"))
        {
            var refused = Assert.Throws<WriterLockException>(() => WriterLock.Acquire(_folder.Path, "state", "ROOT"));
            Assert.Contains($"another kinetics-prep is writing ROOT (PID {Environment.ProcessId} on {Environment.MachineName}", refused.Message);
            Assert.True(refused.IsFatal);
            Assert.True(refused.Held);
        }

        using var again = WriterLock.Acquire(_folder.Path, "state", "ROOT");
        Assert.True(File.Exists(Owner));
    }

    [Fact]
    public void A_process_holding_only_the_os_lock_refuses_a_second_writer_though_it_wrote_no_owner_file()
    {
        using var holder = OsLockHolder.Start(_folder.Combine("state.lock"));

        var refused = Assert.Throws<WriterLockException>(() => WriterLock.Acquire(_folder.Path, "state", "ROOT"));

        Assert.True(refused.Held);
        Assert.False(File.Exists(Owner));
    }

    [Fact]
    public void Where_flock_does_nothing_a_live_owner_file_still_refuses_a_second_writer()
    {
        // As on a mount where flock is a no-op: the OS lock is free, but this host's live process owns the root.
        File.WriteAllText(Owner, $"{Environment.MachineName} {Environment.ProcessId} {System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks}\n");

        Assert.Throws<WriterLockException>(() => WriterLock.Acquire(_folder.Path, "state", "ROOT"));
    }

    [Fact]
    public void The_owner_file_of_a_dead_process_on_this_host_is_stale_and_taken_over()
    {
        File.WriteAllText(Owner, $"{Environment.MachineName} {int.MaxValue - 1} {DateTime.UtcNow.Ticks}\n");

        using var taken = WriterLock.Acquire(_folder.Path, "state", "ROOT");

        Assert.StartsWith($"{Environment.MachineName} {Environment.ProcessId} ", File.ReadAllText(Owner));
    }

    [Fact]
    public void Another_hosts_owner_file_is_respected_while_it_is_touched_and_taken_over_once_it_is_old()
    {
        File.WriteAllText(Owner, $"node042 12345 {DateTime.UtcNow.Ticks}\n");
        var refused = Assert.Throws<WriterLockException>(() => WriterLock.Acquire(_folder.Path, "state", "ROOT"));
        Assert.Contains("PID 12345 on node042", refused.Message);

        File.SetLastWriteTimeUtc(Owner, DateTime.UtcNow - WriterLock.StaleAfter - TimeSpan.FromMinutes(1));
        using var taken = WriterLock.Acquire(_folder.Path, "state", "ROOT");
    }

    [Fact]
    public void An_owner_file_that_cannot_be_read_is_respected_until_it_is_old()
    {
        File.WriteAllText(Owner, "");
        Assert.Throws<WriterLockException>(() => WriterLock.Acquire(_folder.Path, "state", "ROOT"));

        File.SetLastWriteTimeUtc(Owner, DateTime.UtcNow - WriterLock.StaleAfter - TimeSpan.FromMinutes(1));
        using var taken = WriterLock.Acquire(_folder.Path, "state", "ROOT");
        Assert.StartsWith($"{Environment.MachineName} {Environment.ProcessId} ", File.ReadAllText(Owner));
        Assert.Single(Directory.GetFiles(_folder.Path, "state.owner*"));
    }
}
