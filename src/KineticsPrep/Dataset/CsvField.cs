namespace KineticsPrep.Dataset;

/// <summary>RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
public static class CsvField
{
    public static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
