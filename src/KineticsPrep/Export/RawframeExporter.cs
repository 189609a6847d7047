using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Export;

/// <summary>
/// Writes each listed clip of a root as a folder of JPEG frames, <c>ROOT/rawframes/&lt;split&gt;/&lt;clip&gt;/img_00001.jpg</c>,
/// one ffmpeg per clip, several at once, with mmaction2's rawframe lists, <c>lists/&lt;split&gt;_rawframes.txt</c>. A
/// clip's frames are written into a hidden folder beside it and renamed into place when all are there, then recorded
/// in the state store; a rerun keeps recorded folders that are still whole.
/// </summary>
public sealed class RawframeExporter(MediaTools tools, RawframeOptions options, StateStore state)
{
    private readonly DatasetRoot _root = new(options.Root);
    private readonly FFmpeg _ffmpeg = new(tools.FFmpegPath);

    private string Folder => _root.Rawframes;

    private sealed record Outcome(RawframeJob Job, RawframeFolder? Made, string? Failure);

    /// <exception cref="ExportException">No lists or labels; a folder the lists cannot hold (whitespace); other settings
    /// than the frames already there were made with; or the estimate says the frames will not fit. Nothing is written.</exception>
    /// <exception cref="DiskFullException">The disk filled up; finished clips are kept.</exception>
    public async Task<RawframeSummary> RunAsync(IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var lists = ExportLists.Open(_root, options.Splits);
        ClaimSettings();
        var failures = new List<ExportFailure>();
        var index = lists.Index();
        var splits = lists.Lists
            .Select(list => (list.Split, Clips: lists.Clips(list.Split, list.Format, failures).Select(clip => (clip.Line, Job: Job(list.Split, clip, index))).ToList()))
            .ToList();
        var jobs = splits.SelectMany(s => s.Clips.Select(c => c.Job)).DistinctBy(job => job.Folder).ToList();
        if (jobs.Select(job => ListFormat.PathProblem(job.Folder)).OfType<string>().FirstOrDefault() is { } refusal)
            throw new ExportException(refusal);
        RemovePartials(splits.Select(s => s.Split));
        RemoveUnlisted(jobs);
        var finished = Finished(jobs);
        var pending = jobs.Where(job => !finished.ContainsKey(job.Folder)).ToList();

        RawframeEstimate? estimate = null;
        if (pending.Count > 0)
        {
            Directory.CreateDirectory(Folder);
            estimate = await RawframeEstimate.MakeAsync(pending, options, _ffmpeg, Folder, cancellationToken);
            if (estimate is { Fits: false } && !options.Force)
                throw new ExportException(
                    $"the frames would not fit: {pending.Count} clips make about {estimate.Frames:N0} frames of about {Bytes.Format(estimate.BytesPerFrame)} " +
                    $"each on disk, {Bytes.Format(estimate.Bytes)}, and {Bytes.Format(estimate.FreeBytes!.Value)} is free under {Folder}. Free some space, " +
                    "lower --short-side, --fps or the quality (a higher --quality), or add --force to start anyway.");
        }

        var outcomes = await StageRunner.RunAsync(
            pending.OrderByDescending(job => job.Video.Length).ThenBy(job => job.Folder, StringComparer.Ordinal).ToList(),
            new StageOptions<RawframeJob>("clips", options.Workers, finished.Count) { Size = job => job.Video.Length, Name = job => job.Video.Name },
            (job, _, token) => WriteAsync(job, token), outcome => outcome.Made is null ? (0, 1) : (1, 0), progress, cancellationToken);
        foreach (var outcome in outcomes)
        {
            if (outcome.Made is { } made)
                finished[outcome.Job.Folder] = made;
            else
                failures.Add(new ExportFailure(outcome.Job.Split, outcome.Job.Video.FullName, outcome.Failure!));
        }

        var written = new List<RawframeSummary.SplitList>();
        foreach (var (split, clips) in splits)
        {
            var lines = clips.Where(c => finished.ContainsKey(c.Job.Folder))
                .Select(c => new RawframeList.Line(c.Job.Folder, finished[c.Job.Folder].Frames, c.Line.LabelId)).ToList();
            var path = RawframeList.PathFor(_root.Lists, split);
            RawframeList.Write(path, lines);
            written.Add(new RawframeSummary.SplitList(split, lines.Count, lines.Sum(l => (long)l.Frames), path));
        }
        state.RecordSettings(new Dictionary<string, string> { [RunFacts.RawframesMadeFrom] = lists.Version }, replace: true);
        return new RawframeSummary(written, outcomes.Count(o => o.Made is not null), jobs.Count - pending.Count, estimate,
            failures.OrderBy(f => f.Split, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ToList());
    }

    private RawframeJob Job(string split, ExportLists.Clip clip, IReadOnlyDictionary<(string, string), ClipFacts> index)
    {
        var facts = index.GetValueOrDefault((split, clip.Line.Path));
        var frames = options.Fps is { } fps && facts?.Duration is { } duration ? (long)Math.Round(duration * fps) : facts?.Frames;
        return new RawframeJob(split, clip.File, Path.Combine(Folder, split, Path.GetFileNameWithoutExtension(clip.File.Name)), frames, facts?.Duration);
    }

    /// <summary>
    /// The frames keep the settings they were made with: a run that asks for others is refused while there are frames,
    /// unless it makes them all again.
    /// </summary>
    private void ClaimSettings()
    {
        var changes = SettingChange.Between([state], options.Settings);
        var any = changes.Count > 0 && state.RawframeFolders().Count > 0;
        if (any && !options.Overwrite)
            throw new ExportException(SettingChange.Refusal(Folder, changes, "frames and lists", "--overwrite to make every clip's frames again", null));
        if (any)
            state.ForgetRawframes();
        state.RecordSettings(options.Settings, replace: changes.Count > 0);
    }

    /// <summary>Hidden folders of a killed run, whose frames were never complete.</summary>
    private void RemovePartials(IEnumerable<string> splits)
    {
        foreach (var split in splits.Select(split => Path.Combine(Folder, split)).Where(Directory.Exists))
        {
            foreach (var partial in Directory.EnumerateDirectories(split, ".*.partial"))
                Directory.Delete(partial, recursive: true);
        }
    }

    /// <summary>
    /// Folders of frames whose clip the lists no longer name (left out, or listed under another name since): removed
    /// and forgotten, so that ROOT/rawframes holds what the lists say.
    /// </summary>
    private void RemoveUnlisted(IReadOnlyList<RawframeJob> jobs)
    {
        var listed = jobs.Select(job => _root.Key(job.Folder)).ToHashSet(StringComparer.Ordinal);
        var splits = jobs.Select(job => job.Split).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in state.RawframeFolders().Where(f => splits.Contains(f.Split) && !listed.Contains(f.Path)))
        {
            DeleteFolder(Path.Combine(_root.Path, folder.Path));
            state.ForgetRawframes(folder.Path);
        }
    }

    /// <summary>
    /// The clips whose frames are in place: recorded (with this run's settings, from the clip as it is now), and still
    /// holding frames 1 to the recorded count. A folder there unrecorded (a run killed between its rename and its
    /// record, or frames made with settings since changed) or made from a clip since made again is made again.
    /// </summary>
    private Dictionary<string, RawframeFolder> Finished(IReadOnlyList<RawframeJob> jobs)
    {
        var finished = new Dictionary<string, RawframeFolder>(StringComparer.Ordinal);
        if (options.Overwrite)
            return finished;
        var recorded = state.RawframeFolders().ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (recorded.TryGetValue(_root.Key(job.Folder), out var folder) && folder.SourceBytes == job.Video.Length
                && folder.SourceModifiedTicks == job.Video.LastWriteTimeUtc.Ticks && Whole(job.Folder, folder.Frames))
                finished[job.Folder] = folder;
        }
        return finished;
    }

    private static bool Whole(string folder, int frames) =>
        frames > 0 && File.Exists(Path.Combine(folder, RawframeList.FrameName(1))) && File.Exists(Path.Combine(folder, RawframeList.FrameName(frames)))
        && !File.Exists(Path.Combine(folder, RawframeList.FrameName(frames + 1)));

    private static (int Frames, long Bytes) Count(string folder)
    {
        var files = new DirectoryInfo(folder).GetFiles("img_*.jpg");
        return (files.Length, files.Sum(f => f.Length));
    }

    /// <summary>Never throws for a bad clip: a failure comes back as an outcome. Cancellation and a full disk do throw.</summary>
    private async Task<Outcome> WriteAsync(RawframeJob job, CancellationToken cancellationToken)
    {
        try
        {
            // A fresh folder: an ffmpeg orphaned by a killed run may still be writing into the old one.
            DeleteFolder(job.PartialFolder);
            Directory.CreateDirectory(job.PartialFolder);
            await ExtractAsync(job, cancellationToken);
            var (frames, bytes) = Count(job.PartialFolder);
            if (frames == 0)
                return Failed(job, "no frame could be decoded");
            if (!Whole(job.PartialFolder, frames))
                return Failed(job, $"ffmpeg wrote {frames} frames, not numbered 1 to {frames}");
            DeleteFolder(job.Folder);
            Directory.Move(job.PartialFolder, job.Folder);
            var made = new RawframeFolder(_root.Key(job.Folder), job.Split, frames, bytes, job.Video.Length, job.Video.LastWriteTimeUtc.Ticks);
            state.RecordRawframes(made);
            return new Outcome(job, made, null);
        }
        catch (MediaToolException e)
        {
            return Failed(job, e.Reason);
        }
        catch (IOException e) when (DiskSpace.IsFull(e))
        {
            throw new DiskFullException(Folder, null, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(job, e.Message);
        }
        finally
        {
            DeleteFolder(job.PartialFolder);
        }
    }

    /// <summary>Runs ffmpeg; a write error for lack of space stops the run instead of failing the clip.</summary>
    private async Task ExtractAsync(RawframeJob job, CancellationToken cancellationToken)
    {
        var input = MediaFile.Url(job.Video.FullName);
        FFmpeg.Result result;
        try
        {
            result = await _ffmpeg.RunAsync(RawframeArguments.Frames(job.Video.FullName, job.PartialFolder, options, tools.Version), input, cancellationToken);
        }
        catch (MediaToolException e) when (DiskSpace.IsFullMessage(e.Reason))
        {
            throw new DiskFullException(Folder, null, e);
        }
        if (result.StderrTail.Any(DiskSpace.IsFullMessage))
            throw new DiskFullException(Folder, null);
    }

    private Outcome Failed(RawframeJob job, string reason)
    {
        state.RecordFailure(_root.Key(job.Folder), "rawframes", reason);
        return new Outcome(job, null, reason);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
