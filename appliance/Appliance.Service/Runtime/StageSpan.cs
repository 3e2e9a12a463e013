namespace Appliance.Service.Runtime;

/// <summary>One stage of a turn on the turn's monotonic clock, in milliseconds from the end of the user's speech.</summary>
public sealed record StageSpan(string Stage, double StartMs, double EndMs);
