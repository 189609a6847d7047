namespace KineticsPrep.State;

/// <summary>The output settings a root's clips were made with (short side, encode profile, …).</summary>
public sealed partial class StateStore
{
    public IReadOnlyDictionary<string, string> Settings() =>
        Query("SELECT name, value FROM settings ORDER BY name", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(s => s.Item1, s => s.Item2, StringComparer.Ordinal);

    /// <summary>Records the settings not recorded yet; recorded ones are kept as they are, unless
    /// <paramref name="replace"/> (the clips are being made again with these).</summary>
    public void RecordSettings(IReadOnlyDictionary<string, string> settings, bool replace = false) =>
        Write(connection =>
        {
            foreach (var (name, value) in settings)
                Execute(connection, $"INSERT OR {(replace ? "REPLACE" : "IGNORE")} INTO settings (name, value) VALUES ($name, $value)",
                    ("$name", name), ("$value", value));
        });

    public void ForgetSetting(string name) => Write(connection => Execute(connection, "DELETE FROM settings WHERE name = $name", ("$name", name)));
}
