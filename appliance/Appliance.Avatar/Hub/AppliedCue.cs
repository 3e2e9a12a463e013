namespace Appliance.Avatar.Hub;

/// <summary>
/// The page's report that it drew a cue: <paramref name="Scheduled"/> is the cue's server time,
/// <paramref name="Applied"/> the server time (via the page's clock sync) of the animation frame that showed it.
/// The rest (NaN when the page did not send them) tell the benchmark why a cue was late:
/// <paramref name="Received"/> when the cue reached the page, <paramref name="Ran"/> when the frame's
/// script actually ran, <paramref name="Previous"/> the frame time of the frame before.
/// </summary>
public sealed record AppliedCue(string Kind, string Value, double Scheduled, double Applied,
    double Received = double.NaN, double Ran = double.NaN, double Previous = double.NaN);
