using System.Globalization;
using System.Text;

namespace KineticsPrep.Export;

/// <summary>
/// One list line as a WebDataset sample: <c>KEY.mp4</c> (the clip's bytes), <c>KEY.cls</c> (the label id as text) and
/// <c>KEY.json</c> (its metadata).
/// </summary>
public sealed record WebDatasetSample(string Key, string ClipPath, long ClipBytes, int LabelId, byte[] Json)
{
    public byte[] Cls { get; } = Encoding.ASCII.GetBytes(LabelId.ToString(CultureInfo.InvariantCulture));

    public long TarBytes => TarLayout.Member(ClipBytes) + TarLayout.Member(Cls.Length) + TarLayout.Member(Json.Length);

    public IEnumerable<(string Name, byte[]? Small)> Members => [(Key + ".mp4", null), (Key + ".cls", Cls), (Key + ".json", Json)];
}
