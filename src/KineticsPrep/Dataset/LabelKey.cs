using System.Text;

namespace KineticsPrep.Dataset;

/// <summary>
/// A class name reduced to what copies of it keep: lower case, no surrounding quotes, no parentheses, single spaces.
/// "hurling (sport)", "Hurling sport" and "\"hurling  (sport)\"" have one key. Copies of the K400 label file used by
/// ActionCLIP and X-CLIP write the 9 names that hold parentheses without them.
/// </summary>
public static class LabelKey
{
    public static string Of(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Trim().Trim('"', '\''))
        {
            if (c is '(' or ')')
                continue;
            if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                    key.Append(' ');
                continue;
            }
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString().TrimEnd();
    }
}
