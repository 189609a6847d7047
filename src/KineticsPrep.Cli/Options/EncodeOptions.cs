using System.CommandLine;
using KineticsPrep.Resize;

namespace KineticsPrep.Cli.Options;

/// <summary>
/// The options that decide how clips are encoded, for every command that resizes (resize, prepare): made once per
/// command, added to it, and read into <see cref="ResizeOptions"/>.
/// </summary>
internal sealed class EncodeOptions
{
    private static readonly string[] X264Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    private static readonly string[] Scalers =
        ["fast_bilinear", "bilinear", "bicubic", "experimental", "neighbor", "area", "bicublin", "gauss", "sinc", "lanczos", "spline"];

    private readonly Option<int> _shortSide = SharedOptions.ShortSide();
    private readonly Option<bool> _upscale = new("--upscale") { Description = "Scale small clips up too (as mmaction2 does)." };
    private readonly Option<int> _crf = new Option<int>("--crf") { Description = "x264 CRF, 0-51: lower is better.", HelpName = "N", DefaultValueFactory = _ => new ResizeOptions().Crf }
        .Require(crf => crf is >= 0 and <= 51, "--crf must be 0 to 51.");
    private readonly Option<string> _preset = new Option<string>("--preset") { Description = "x264 preset.", HelpName = "NAME", DefaultValueFactory = _ => new ResizeOptions().Preset }
        .OneOf(X264Presets);
    private readonly Option<string> _x264Params = new("--x264-params")
    {
        Description = "Extra x264 settings, k=v:k=v (\"\": none).",
        HelpName = "K=V:…",
        DefaultValueFactory = _ => new ResizeOptions().X264Params,
    };
    private readonly Option<string> _scaler = new Option<string>("--scaler")
    {
        Description = "bilinear, bicubic, lanczos, area, ….",
        HelpName = "NAME",
        DefaultValueFactory = _ => new ResizeOptions().Scaler,
    }.OneOf(Scalers);
    private readonly Option<double?> _fps = SharedOptions.Fps(
        "A constant frame rate (default: the source's).");
    private readonly Option<int?> _gop = new Option<int?>("--gop") { Description = "Longest keyframe interval, in frames.", HelpName = "N" }
        .Require(gop => gop is null or >= 1, "--gop must be at least 1.");
    private readonly Option<string> _profile = SharedOptions.Profile();
    private readonly Option<bool> _keepAudio = new("--keep-audio") { Description = "Keep the audio (AAC)." };
    private readonly Option<bool> _alwaysEncode = new("--always-encode") { Description = "Encode even clips already H.264 at size." };

    public IEnumerable<Option> All => [_shortSide, _upscale, _crf, _preset, _x264Params, _scaler, _fps, _gop, _profile, _keepAudio, _alwaysEncode];

    /// <summary>Adds them to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
            command.Options.Add(option);
    }

    /// <summary><paramref name="options"/> with the encode settings given, and a codebase's for those not given.</summary>
    public ResizeOptions Read(ParseResult parse, ResizeOptions options, Codebase? codebase = null) => options with
    {
        ShortSide = codebase is not null && parse.GetResult(_shortSide) is null or { Implicit: true } ? codebase.ShortSide : parse.GetValue(_shortSide),
        Upscale = parse.GetValue(_upscale),
        Crf = parse.GetValue(_crf),
        Preset = parse.GetRequiredValue(_preset),
        X264Params = parse.GetValue(_x264Params) ?? "",
        Scaler = parse.GetRequiredValue(_scaler),
        Fps = parse.GetValue(_fps) ?? codebase?.Fps,
        Gop = parse.GetValue(_gop),
        Profile = EncodeProfile.Find(codebase is not null && parse.GetResult(_profile) is null or { Implicit: true } ? codebase.Profile : parse.GetRequiredValue(_profile))!,
        KeepAudio = parse.GetValue(_keepAudio),
        AlwaysEncode = parse.GetValue(_alwaysEncode),
    };
}
