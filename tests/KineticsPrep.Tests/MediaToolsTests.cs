using KineticsPrep.Media;

namespace KineticsPrep.Tests;

public sealed class MediaToolsTests : IDisposable
{
    private readonly TempFolder _bin = new();

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private string FakeFFmpeg(string versionLine)
    {
        var path = _bin.Script("ffmpeg", $"#!/bin/sh\necho '{versionLine}'\n");
        File.CreateSymbolicLink(_bin.Combine("ffprobe"), Media.Tools.FFprobePath);
        return path;
    }

    [Fact]
    public async Task Tools_in_a_private_folder_on_path_are_found_and_their_version_read()
    {
        File.CreateSymbolicLink(_bin.Combine("ffmpeg"), Media.Tools.FFmpegPath);
        File.CreateSymbolicLink(_bin.Combine("ffprobe"), Media.Tools.FFprobePath);
        var tools = await MediaTools.LocateAsync(Environment(("PATH", "/nonexistent:" + _bin.Path)), CancellationToken.None);
        Assert.Equal(_bin.Combine("ffmpeg"), tools.FFmpegPath);
        Assert.Equal(_bin.Combine("ffprobe"), tools.FFprobePath);
        Assert.True(tools.Version.IsSupported);
    }

    [Fact]
    public async Task The_variables_name_the_executables_and_win_over_path()
    {
        var tools = await MediaTools.LocateAsync(Environment(("PATH", _bin.Path),
            (MediaTools.FFmpegVariable, Media.Tools.FFmpegPath), (MediaTools.FFprobeVariable, Media.Tools.FFprobePath)), CancellationToken.None);
        Assert.Equal(Media.Tools.FFmpegPath, tools.FFmpegPath);
    }

    [Fact]
    public async Task A_variable_that_names_nothing_is_said_so_with_every_way_to_get_ffmpeg()
    {
        var e = await Assert.ThrowsAsync<MediaToolsMissingException>(() => MediaTools.LocateAsync(Environment(("PATH", _bin.Path),
            (MediaTools.FFmpegVariable, "/opt/none/ffmpeg")), CancellationToken.None));
        Assert.Contains("KINETICS_PREP_FFMPEG is set to /opt/none/ffmpeg", e.Message);
        Assert.Contains("ffprobe not found on PATH", e.Message);
        foreach (var way in new[] { "conda install", "module load ffmpeg", "static build", "apt-get install -y ffmpeg", "KINETICS_PREP_FFPROBE=" })
            Assert.Contains(way, e.Message);
    }

    [Fact]
    public async Task An_ffmpeg_older_than_4_4_is_refused_naming_both_versions()
    {
        FakeFFmpeg("ffmpeg version 4.2.7-0ubuntu0.1 Copyright (c) 2000-2022 the FFmpeg developers");
        var e = await Assert.ThrowsAsync<MediaToolsMissingException>(() => MediaTools.LocateAsync(Environment(("PATH", _bin.Path)), CancellationToken.None));
        Assert.Contains("is ffmpeg 4.2; kinetics-prep needs ffmpeg 4.4 or later", e.Message);
    }

    [Fact]
    public async Task An_ffmpeg_4_4_is_accepted_and_driven_with_vsync()
    {
        FakeFFmpeg("ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2000-2021 the FFmpeg developers");
        var tools = await MediaTools.LocateAsync(Environment(("PATH", _bin.Path)), CancellationToken.None);
        Assert.Equal(new FFmpegVersion(4, 4), tools.Version);
        Assert.False(tools.Version.HasFpsMode);
    }

    [Fact]
    public async Task An_ffmpeg_that_cannot_be_run_is_said_so_plainly()
    {
        File.WriteAllText(_bin.Combine("ffmpeg"), "not a program, and not executable");
        File.WriteAllText(_bin.Combine("ffprobe"), "");

        var e = await Assert.ThrowsAsync<MediaToolsMissingException>(() => MediaTools.LocateAsync(Environment(("PATH", _bin.Path)), CancellationToken.None));

        Assert.StartsWith($"{_bin.Combine("ffmpeg")} cannot be run (", e.Message);
        Assert.True(e.IsFatal);
    }

    public void Dispose() => _bin.Dispose();
}
