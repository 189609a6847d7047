using System.CommandLine;

namespace KineticsPrep.Cli;

/// <summary>Options that several commands take, made fresh for each command.</summary>
internal static class SharedOptions
{
    public static Option<DirectoryInfo> Root(string description) => new("--root") { Description = description, Required = true };

    public static Option<int> ShortSide()
    {
        var option = new Option<int>("--short-side", "--scale")
        {
            Description = "Short side of the resized clips in pixels (even).",
            DefaultValueFactory = _ => 320,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 2 or > 8192 || r.GetValueOrDefault<int>() % 2 != 0)
                r.AddError("--short-side must be an even number of pixels, 2 to 8192.");
        });
        return option;
    }

    public static Option<int> Workers(string description, params string[] aliases)
    {
        var option = new Option<int>("--workers", aliases)
        {
            Description = description,
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--workers must be at least 1.");
        });
        return option;
    }

    public static Option<int> Jobs(string description, int defaultValue)
    {
        var option = new Option<int>("--jobs") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--jobs must be at least 1.");
        });
        return option;
    }

    public static Option<string?> Mirror() => new("--mirror")
    {
        Description = $"Replaces {KineticsPrep.Catalog.DatasetCatalog.CvdfPrefix} in every URL: another HTTP server with the same tree, or a local folder.",
    };

    public static Argument<string> Dataset()
    {
        var argument = new Argument<string>("DATASET") { Description = "k400, k600 or k700-2020." };
        argument.Validators.Add(r =>
        {
            if (KineticsPrep.Catalog.DatasetCatalog.Find(r.GetValueOrDefault<string>() ?? "") is null)
                r.AddError("DATASET must be one of: " + string.Join(", ", KineticsPrep.Catalog.DatasetCatalog.Versions.Select(v => v.Name)) + ".");
        });
        return argument;
    }

    public static Option<string> Splits() => new("--splits") { Description = "Comma-separated splits.", DefaultValueFactory = _ => "train,val,test" };

    /// <summary>The splits asked for, or an error naming the unknown ones.</summary>
    public static (IReadOnlyList<string> Splits, string? Error) ParseSplits(string text, KineticsPrep.Catalog.DatasetVersion version)
    {
        var splits = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = splits.Except(version.Splits).ToList();
        return unknown.Count == 0
            ? (splits, null)
            : (splits, $"unknown split(s) {string.Join(", ", unknown)}; {version.Name} has {string.Join(", ", version.Splits)}.");
    }

    /// <summary>An HttpClient for large downloads: no overall timeout (stalls are caught per read).</summary>
    public static HttpClient DownloadClient(int connections) =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            MaxConnectionsPerServer = connections + 2,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
}
