namespace Appliance.Avatar.Hub;

/// <summary>
/// The page's report that it drew a cue: <paramref name="Scheduled"/> is the cue's server time,
/// <paramref name="Applied"/> the server time (via the page's clock sync) of the animation frame that showed it.
/// </summary>
public sealed record AppliedCue(string Kind, string Value, double Scheduled, double Applied);
