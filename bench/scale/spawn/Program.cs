using KineticsPrep.Media;

// Starts ffmpeg (the scale benchmark's stand-in) once per mp4 of FOLDER, two at a time, through the FFmpeg.RunAsync that
// resize and prepare use: its CPU, less that of xargs starting the same, is what one process start costs kinetics-prep.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: spawn FFMPEG FOLDER OUTPUT_FOLDER");
    return 2;
}
var (ffmpeg, folder, output) = (new FFmpeg(args[0]), args[1], args[2]);
Directory.CreateDirectory(output);
await Parallel.ForEachAsync(Directory.EnumerateFiles(folder, "*.mp4"), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, token) =>
{
    var input = MediaFile.Url(file);
    await ffmpeg.RunAsync(["-nostdin", "-progress", "pipe:1", "-i", input, MediaFile.Url(Path.Combine(output, Path.GetFileName(file)))], input, token);
});
return 0;
