namespace KineticsPrep.Cli.Display;

/// <summary>"LEAD a, b, c," then "  d, e": a list of settings wrapped within 80 columns (status's recipe, prepare's).</summary>
internal static class WrappedList
{
    private const int Width = 80;

    /// <param name="lead">What the first line starts with ("Recipe:"); empty to indent it as the others.</param>
    public static void Write(TextWriter output, string lead, IEnumerable<string> items)
    {
        var line = lead;
        foreach (var item in items)
        {
            var first = line == lead;
            // ", " and the item, and room for the comma that ends the line when the next one wraps.
            if (!first && line.Length + 2 + item.Length + 1 > Width)
            {
                output.WriteLine(line + ",");
                line = "  " + item;
            }
            else
            {
                line += (!first ? ", " : lead.Length == 0 ? "  " : " ") + item;
            }
        }
        output.WriteLine(line);
    }
}
