using System.Globalization;
using Spectre.Console;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// Lays a <see cref="ProgressFrame"/> out for a terminal of a given width, every line within it: the title, a bar,
/// the percentage, the counts and the ETA on the first line (and the stats too when they fit beside a bar of a
/// useful length), the stats otherwise on the second, and the current item on a line of its own.
/// </summary>
internal static class ProgressLayout
{
    private const int MinimumBar = 10;
    private const int MaximumBar = 40;
    private const int BarBesideStats = 20;
    private const string Indent = "  ";

    /// <returns>Spectre markup, one string per line.</returns>
    public static IReadOnlyList<string> Lines(string title, ProgressFrame frame, int width)
    {
        var fraction = Math.Clamp(frame.Fraction, 0, 1);
        var left = title + " ";
        var right = string.Create(CultureInfo.InvariantCulture, $" {Math.Floor(fraction * 100),3:0}% {frame.Counts} {frame.Eta}");
        var lines = new List<string>();
        if (width - left.Length - right.Length - frame.Stats.Length - 1 >= BarBesideStats)
        {
            lines.Add(Head(left, fraction, right + " " + frame.Stats, width));
        }
        else
        {
            lines.Add(Head(left, fraction, right, width));
            lines.Add(Markup.Escape(Fit(Indent + frame.Stats, width)));
        }
        if (frame.Detail is not null)
            lines.Add($"[grey]{Markup.Escape(Fit(Indent + frame.Detail, width))}[/]");
        return lines;
    }

    /// <summary>The first line: <paramref name="left"/>, a bar as long as the width allows, then as much of <paramref name="right"/> as fits.</summary>
    private static string Head(string left, double fraction, string right, int width)
    {
        var bar = Math.Clamp(width - left.Length - right.Length, MinimumBar, MaximumBar);
        var filled = (int)Math.Round(fraction * bar);
        return Markup.Escape(Fit(left, width - bar))
               + $"[green]{new string('━', filled)}[/][grey]{new string('━', bar - filled)}[/]"
               + Markup.Escape(Fit(right, Math.Max(0, width - left.Length - bar)));
    }

    /// <summary>At most <paramref name="width"/> characters, cut with an ellipsis.</summary>
    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 0 ? "" : text[..(width - 1)] + "…";
}
