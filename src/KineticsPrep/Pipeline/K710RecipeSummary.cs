namespace KineticsPrep.Pipeline;

/// <summary>lists/k710_recipe.json: the rows at each step of the recipe, and the YouTube ids kept with one time range of several.</summary>
public sealed record K710RecipeSummary(K710Recipe.Steps Steps, IReadOnlyList<K710Recipe.OtherRange> OtherRanges);
