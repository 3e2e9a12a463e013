namespace Appliance.Pipeline.Text;

/// <param name="EarlyFirstClause">Let the first clause of a reply go to TTS at its comma, so the first sound comes sooner.</param>
/// <param name="FirstClauseMinWeight">Minimum size of that early clause (a Han character weighs 2, other characters 1).</param>
/// <param name="MaxWeight">A run-on without punctuation is cut at the next space or comma beyond this size.</param>
public sealed record SplitterOptions(bool EarlyFirstClause = true, int FirstClauseMinWeight = 16, int MaxWeight = 220);
