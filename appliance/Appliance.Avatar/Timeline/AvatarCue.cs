namespace Appliance.Avatar.Timeline;

/// <summary>
/// One thing the page does at server time <paramref name="T"/> (milliseconds on <see cref="Sync.AvatarClock"/>).
/// <paramref name="Kind"/> is "viseme", "expression", "gesture" or "subtitle"; <paramref name="Value"/> the
/// viseme/expression/gesture name or the subtitle text; <paramref name="End"/> the subtitle's end time.
/// </summary>
public sealed record AvatarCue(double T, string Kind, string Value, double? End = null);
