using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace KineticsPrep.Dataset;

/// <summary>One entry of a written training list: the clip's path as written, its class id, and the text it was written as.</summary>
public sealed record ListLine(string Path, int LabelId, string Text);
