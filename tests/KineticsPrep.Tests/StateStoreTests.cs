using KineticsPrep.Dataset;
using KineticsPrep.State;
using Microsoft.Data.Sqlite;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class StateStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string StorePath => new DatasetRoot(_temp.Path).StateFile(StateStore.DefaultName);

    private void Execute(string sql)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Processes_that_open_an_old_store_at_once_upgrade_it_exactly_once()
    {
        // The first release's downloads table: no etag column, no user_version.
        Execute("""
            CREATE TABLE downloads (path TEXT PRIMARY KEY, url TEXT NOT NULL, split TEXT NOT NULL, bytes INTEGER NOT NULL,
                sha256 TEXT NOT NULL, completed_at TEXT NOT NULL);
            INSERT INTO downloads VALUES ('archives/train/a.tar.gz', 'http://x/a.tar.gz', 'train', 3, 'abc', '2026-01-01');
            """);

        // Threads of their own, all started before any opens: the thread pool would add its threads one by one.
        using var start = new Barrier(8);
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var openers = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                StateStore.Open(new DatasetRoot(_temp.Path));
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        })).ToList();
        openers.ForEach(thread => thread.Start());
        openers.ForEach(thread => thread.Join());
        Assert.Empty(errors);

        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        Assert.Equal(3, store.FindDownload("archives/train/a.tar.gz")!.Bytes);
        store.RecordProcessed("archives/train/a.tar.gz", "train", 1, [new ClipFailure("a.mp4", "killed", Transient: true)]);
        Assert.True(store.ClipFailures().Single().Failure.Transient);
    }

    [Fact]
    public void A_newer_schema_is_refused_for_writing_and_for_reading_and_left_as_it_is()
    {
        Execute("PRAGMA user_version = 99");

        var writing = Assert.Throws<StateStoreException>(() => StateStore.Open(new DatasetRoot(_temp.Path)));
        var reading = Assert.Throws<StateStoreException>(() => StateStore.OpenReadOnly(StorePath));

        Assert.Contains("newer kinetics-prep (state schema 99", writing.Message);
        Assert.Contains("newer kinetics-prep (state schema 99", reading.Message);
        Assert.True(writing.IsFatal);
    }

    [Fact]
    public void Reopening_an_archive_forgets_its_processing_and_with_its_extraction_its_clips()
    {
        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        store.RecordExtraction("archives/train/a.tar.gz", "train", [new("x.mp4", 1, "aa"), new("y.mp4", 2, "bb")]);
        store.RecordProcessed("archives/train/a.tar.gz", "train", 2, [new ClipFailure("y.mp4", "killed", Transient: true)]);

        store.ReopenArchive("archives/train/a.tar.gz", forgetExtraction: false);
        Assert.Empty(store.ProcessedArchives());
        Assert.Empty(store.ClipFailures());
        Assert.True(store.IsExtracted("archives/train/a.tar.gz"));

        store.ReopenArchive("archives/train/a.tar.gz", forgetExtraction: true);
        Assert.False(store.IsExtracted("archives/train/a.tar.gz"));
        Assert.Empty(store.ClipsOf("archives/train/a.tar.gz"));
    }

    [Fact]
    public void Clips_made_are_recorded_a_batch_at_a_time_and_every_waiting_one_on_flush()
    {
        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        var batch = new ResizedBatch(store);
        ResizedClip Clip(int i) => new($"videos_320p/train/c{i:0000}.mp4", "train", 360, 10, 320, 1000 + i, i, "hash");
        void Add(int i) => batch.Add(Clip(i), Path.Combine(_temp.Path, Clip(i).Path));

        for (var i = 0; i < ResizedBatch.MaxClips - 1; i++)
            Add(i);
        var beforeFull = store.ResizedSizes().Count();
        Add(ResizedBatch.MaxClips - 1);
        var whenFull = store.ResizedSizes().Count();
        Add(ResizedBatch.MaxClips);
        var waiting = store.ResizedSizes().Count();
        batch.Flush();

        Assert.Equal((0, ResizedBatch.MaxClips, ResizedBatch.MaxClips), (beforeFull, whenFull, waiting));
        Assert.Equal(ResizedBatch.MaxClips + 1, store.ResizedSizes().Count());
    }

    [Fact]
    public void Each_clip_of_a_batch_keeps_its_own_values_also_where_its_neighbours_had_none()
    {
        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        // Every other clip without a size, time or hash: each row's values replace the last row's, nulls included.
        var clips = Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? new ResizedClip($"videos_320p/train/c{i}.mp4", "train", 360 + i, 10 + i, 320, 1000 + i, 50 + i, $"hash{i}")
            : new ResizedClip($"videos_320p/train/c{i}.mp4", "train", 360 + i, null, 320)).ToList();

        store.RecordResized(clips);

        Assert.Equal(clips.Select(c => (c.Path, c.Bytes, c.ModifiedTicks)), store.ResizedSizes());
        Assert.Equal(clips.Select(c => (c.Path, c.Sha256)), store.ResizedHashes());
        Assert.Equal(clips.Select(c => (c.SourceShortSide, c.SourceDuration, c.ShortSide)).Order(), store.ResizedShapes().Order());
    }

    [Fact]
    public void A_batch_is_flushed_to_disk_and_recorded_even_when_one_of_its_files_was_deleted_by_hand_meanwhile()
    {
        var store = StateStore.Open(new DatasetRoot(_temp.Path));
        var batch = new ResizedBatch(store);
        var clips = new[] { "videos_320p/train/a.mp4", "videos_320p/val/b.mp4" };
        foreach (var clip in clips)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_temp.Combine(clip))!);
            File.WriteAllText(_temp.Combine(clip), "mp4");
            batch.Add(new ResizedClip(clip, "train", 360, 10, 320, 3, 0, "hash"), _temp.Combine(clip));
        }
        File.Delete(_temp.Combine(clips[0]));

        batch.Flush();

        Assert.Equal(2, store.ResizedSizes().Count());
    }
}
