namespace KineticsPrep.Tests;

/// <summary>The one way the tests wait for something to happen: poll a condition until it holds or time runs out.</summary>
public static class Wait
{
    /// <param name="abandon">Stops the wait early (e.g. the process to watch has ended).</param>
    /// <returns>Whether the condition came to hold.</returns>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan within, Func<bool>? abandon = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && abandon?.Invoke() != true)
        {
            if (condition())
                return true;
            await Task.Delay(10);
        }
        return false;
    }
}
